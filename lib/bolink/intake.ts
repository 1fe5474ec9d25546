// One Bolink callback from raw body to answer. Every path ends in a JSON answer: state 1 only
// after the booking (or the earlier booking it duplicates) is committed; state 0 with a short
// reason otherwise, and the rejection kept for operators.
import type { Sql } from "@/lib/db/client";
import { bookDelivery, type BookingOutcome } from "@/lib/bolink/booking";
import { idempotencyKey } from "@/lib/bolink/idempotency";
import { parseNotice, serviceIsMonthcard } from "@/lib/bolink/parse-notice";
import type { BodyRead } from "@/lib/bolink/read-body";
import { recordRejection } from "@/lib/bolink/rejections";
import { verifySignature } from "@/lib/bolink/signature";

export type BolinkAnswer = { state: 1; trade_no: string } | { state: 0; trade_no: string; errmsg: string };

export type IntakeResult = { answer: BolinkAnswer; booking?: BookingOutcome };

export async function handleCallback(
  sql: Sql,
  input: { body: BodyRead; remoteAddr: string | null; keepRejected: number },
): Promise<IntakeResult> {
  const { body, remoteAddr } = input;
  const reject = async (reason: string, details: { unionId?: string | null; tradeNo?: string | null } = {}) => {
    const raw = body.ok ? body.text : body.preview;
    await recordRejection(sql, { reason, ...details, body: raw, bodyBytes: body.bytes, remoteAddr }, input.keepRejected);
    return { answer: { state: 0 as const, trade_no: details.tradeNo ?? "", errmsg: reason } };
  };

  if (!body.ok) return reject(body.reason);
  if (!body.text.trim()) return reject("empty body");

  const parsed = parseNotice(body.text);
  if (!parsed.ok) return reject(parsed.reason, { unionId: parsed.unionId, tradeNo: parsed.tradeNo });
  const { notice, dataText } = parsed;
  const who = { unionId: notice.unionId, tradeNo: notice.tradeNo };
  if (!serviceIsMonthcard(notice.serviceName)) return reject("unsupported service", who);

  const {
    rows: [vendor],
  } = await sql.query<{ enabled: boolean; signing_key: string }>(VENDOR_SQL, [notice.unionId]);
  if (!vendor) return reject("unknown union_id", who);
  if (!vendor.enabled) return reject("vendor disabled", who);
  if (!verifySignature(dataText, notice.sign, vendor.signing_key)) return reject("bad sign", who);

  const booking = await bookDelivery(sql, {
    notice,
    dataText,
    rawBody: body.text,
    remoteAddr,
    key: idempotencyKey(notice, dataText),
  });
  return { answer: { state: 1, trade_no: notice.tradeNo ?? notice.outTradeNo ?? "" }, booking };
}

export const VENDOR_SQL = "SELECT enabled, signing_key FROM vendor_accounts WHERE union_id = $1";
