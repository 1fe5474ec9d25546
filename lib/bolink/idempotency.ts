import { createHash } from "node:crypto";
import type { BolinkNotice } from "@/lib/bolink/notice-schema";

/**
 * Per the spec: trade_no; else out_trade_no; else a digest of the signed data text — each scoped
 * by the vendor (union_id), so one vendor's notice can never pre-empt another vendor's payment.
 * union_id is digits only, so the first colon after it ends it.
 */
export function idempotencyKey(notice: Pick<BolinkNotice, "tradeNo" | "outTradeNo" | "unionId">, dataText: string): string {
  if (notice.tradeNo) return `t:${notice.unionId}:${notice.tradeNo}`;
  if (notice.outTradeNo) return `o:${notice.unionId}:${notice.outTradeNo}`;
  return `d:${notice.unionId}:${createHash("sha256").update(dataText, "utf8").digest("hex")}`;
}
