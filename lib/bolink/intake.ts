// One Bolink callback from raw body to answer. Every path ends in a JSON answer: state 1 only
// after the booking (or the earlier booking it duplicates) is committed; state 0 with a short
// reason otherwise, and the rejection kept for operators — unless the sender has used up its
// budget of invalid requests, which only the limiter counts (valid notices never touch it).
import type { QueryConfig } from "pg";
import type { Sql } from "@/lib/db/client";
import { bookDelivery, type BookingOutcome } from "@/lib/bolink/booking";
import { idempotencyKey } from "@/lib/bolink/idempotency";
import { parseNotice, serviceIsMonthcard } from "@/lib/bolink/parse-notice";
import type { BodyRead } from "@/lib/bolink/read-body";
import type { Refusal } from "@/lib/bolink/reject-reasons";
import { recordRejection } from "@/lib/bolink/rejections";
import { verifySignature } from "@/lib/bolink/signature";

export type BolinkAnswer = { state: 1; trade_no: string } | { state: 0; trade_no: string; errmsg: string };

export type IntakeResult =
  | { answer: BolinkAnswer & { state: 1 }; booking: BookingOutcome }
  | { answer: BolinkAnswer & { state: 0 }; refusal: Refusal; throttled: boolean };

export type IntakeInput = {
  body: BodyRead;
  remoteAddr: string | null;
  keepRejected: number;
  /** Takes one invalid request from the sender's budget; false when it is used up (nothing is logged then). */
  allowInvalid?: (remoteAddr: string | null) => boolean;
};

export const VENDOR_SQL = "SELECT enabled, signing_key FROM vendor_accounts WHERE union_id = $1";

/** VENDOR_SQL as a named statement, prepared once per connection (see bookingQuery). */
export const vendorQuery = (unionId: string): QueryConfig => ({ name: "bolink_vendor", text: VENDOR_SQL, values: [unionId] });

const BODY_REFUSALS: Record<Exclude<BodyRead, { ok: true }>["reason"], Refusal> = {
  "body too large": { code: "body_too_large", text: "body too large" },
  "body is not valid UTF-8": { code: "body_not_utf8", text: "body is not valid UTF-8" },
};

export async function handleCallback(sql: Sql, input: IntakeInput): Promise<IntakeResult> {
  const { body, remoteAddr } = input;
  const reject = async (refusal: Refusal, who: { unionId?: string | null; tradeNo?: string | null } = {}): Promise<IntakeResult> => {
    const tradeNo = who.tradeNo ?? "";
    if (input.allowInvalid && !input.allowInvalid(remoteAddr)) {
      return { answer: { state: 0, trade_no: tradeNo, errmsg: "too many invalid requests, slow down" }, refusal, throttled: true };
    }
    const raw = body.ok ? body.text : body.preview;
    await recordRejection(sql, { ...refusal, ...who, body: raw, bodyBytes: body.bytes, remoteAddr }, input.keepRejected);
    return { answer: { state: 0, trade_no: tradeNo, errmsg: refusal.text }, refusal, throttled: false };
  };

  if (!body.ok) return reject(BODY_REFUSALS[body.reason]);
  if (!body.text.trim()) return reject({ code: "empty_body", text: "empty body" });

  const parsed = parseNotice(body.text);
  if (!parsed.ok) {
    const { code, field, text, unionId, tradeNo } = parsed;
    return reject({ code, field, text }, { unionId, tradeNo });
  }
  const { notice, dataText } = parsed;
  const who = { unionId: notice.unionId, tradeNo: notice.tradeNo };
  if (!serviceIsMonthcard(notice.serviceName)) return reject({ code: "unsupported_service", text: "unsupported service" }, who);

  const {
    rows: [vendor],
  } = await sql.query<{ enabled: boolean; signing_key: string }>(vendorQuery(notice.unionId));
  if (!vendor) return reject({ code: "unknown_vendor", text: "unknown union_id" }, who);
  if (!vendor.enabled) return reject({ code: "vendor_disabled", text: "vendor disabled" }, who);
  if (!verifySignature(dataText, notice.sign, vendor.signing_key)) return reject({ code: "bad_sign", text: "bad sign" }, who);

  const booking = await bookDelivery(sql, {
    notice,
    dataText,
    rawBody: body.text,
    remoteAddr,
    key: idempotencyKey(notice, dataText),
  });
  return { answer: { state: 1, trade_no: notice.tradeNo ?? notice.outTradeNo ?? "" }, booking };
}
