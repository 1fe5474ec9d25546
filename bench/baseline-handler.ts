// The baseline's whole callback work on a raw body — parse, vendor lookup, signature check, the
// app's own booking statement — with pg and nothing else (no logging, no metrics, no rejection log).
// The bare baseline server (bench/baseline-server.ts) serves it over node:http; the bench's
// "baseline in Next" route (app/api/bench/baseline-route) serves the same function through Next's
// route layer, which separates what the route layer costs from what our own handler adds.
import type { Sql } from "../lib/db/client";
import { REDELIVERY_SQL, bookingQuery, redeliveryParams, type BookingRow } from "../lib/bolink/booking";
import { idempotencyKey } from "../lib/bolink/idempotency";
import { vendorQuery } from "../lib/bolink/intake";
import { parseNotice, serviceIsMonthcard } from "../lib/bolink/parse-notice";
import { verifySignature } from "../lib/bolink/signature";

export type BaselineAnswer = { state: 0 | 1; trade_no: string; errmsg?: string };

export async function handleBaseline(sql: Sql, body: string, remoteAddr: string | null): Promise<BaselineAnswer> {
  const parsed = parseNotice(body);
  if (!parsed.ok) return { state: 0, trade_no: parsed.tradeNo ?? "", errmsg: parsed.text };
  const { notice, dataText } = parsed;
  const tradeNo = notice.tradeNo ?? notice.outTradeNo ?? "";
  if (!serviceIsMonthcard(notice.serviceName)) return { state: 0, trade_no: tradeNo, errmsg: "unsupported service" };
  const vendor = await sql.query<{ enabled: boolean; signing_key: string }>(vendorQuery(notice.unionId));
  const key = vendor.rows[0];
  if (!key?.enabled || !verifySignature(dataText, notice.sign, key.signing_key)) return { state: 0, trade_no: tradeNo, errmsg: "bad sign" };
  const delivery = { notice, dataText, rawBody: body, remoteAddr, key: idempotencyKey(notice, dataText) };
  const booked = await sql.query<BookingRow>(bookingQuery(delivery));
  // A duplicate: like the app, read what was booked when the statement could not see it (conflict bookkeeping left out).
  if (booked.rows[0].id === null && booked.rows[0].booked_id === null) await sql.query(REDELIVERY_SQL, redeliveryParams(delivery));
  return { state: 1, trade_no: tradeNo };
}
