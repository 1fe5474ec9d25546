import { createHash } from "node:crypto";
import type { BolinkNotice } from "@/lib/bolink/notice-schema";

/** Per the spec: trade_no; else union_id + out_trade_no; else a digest of the signed data text. */
export function idempotencyKey(notice: Pick<BolinkNotice, "tradeNo" | "outTradeNo" | "unionId">, dataText: string): string {
  if (notice.tradeNo) return `t:${notice.tradeNo}`;
  if (notice.outTradeNo) return `o:${notice.unionId}:${notice.outTradeNo}`;
  return `d:${createHash("sha256").update(dataText, "utf8").digest("hex")}`;
}
