// Books one verified notice — renewal, card period, fee entry and pending WeChat sync — in ONE
// SQL statement, so it is atomic without a transaction round trip per row. The unique
// idempotency key with ON CONFLICT DO NOTHING makes a second booking impossible across
// processes: a concurrent duplicate waits for the first to commit, then inserts nothing.
import type { Db } from "@/lib/db/client";
import type { BolinkNotice } from "@/lib/bolink/notice-schema";

export type Delivery = { notice: BolinkNotice; dataText: string; rawBody: string; remoteAddr: string | null; key: string };

export type BookingOutcome =
  | { outcome: "booked"; renewalId: number }
  | { outcome: "duplicate"; renewalId: number }
  | { outcome: "conflict"; renewalId: number; fields: string[] };

export async function bookDelivery(db: Db, delivery: Delivery): Promise<BookingOutcome> {
  const booked = await insertBooking(db, delivery);
  if (booked !== null) return { outcome: "booked", renewalId: booked };
  const existing = await db.renewal.findUniqueOrThrow({ where: { idempotencyKey: delivery.key }, select: { id: true } });
  return recordRedelivery(db, existing.id, delivery);
}

/** The card is known by card_id, else by plate; a notice with neither has no card to extend. */
export function cardKeyOf(notice: Pick<BolinkNotice, "cardId" | "carNumber">): string | null {
  if (notice.cardId) return `c:${notice.cardId}`;
  if (notice.carNumber) return `p:${notice.carNumber}`;
  return null;
}

/**
 * The renewal's id, or null when a renewal with this idempotency key already exists.
 * Failed payments (state 0) are stored but book no fee, extend no card and push nothing.
 * The card's current period is the one that ends last; renewals arriving out of order never
 * shorten it, and concurrent renewals of one card both count (one upsert statement each).
 */
async function insertBooking(db: Db, { notice: n, dataText, rawBody, remoteAddr, key }: Delivery): Promise<number | null> {
  const paid = n.payState === 1;
  const cardKey = paid ? cardKeyOf(n) : null;
  const attach = n.attach === null ? null : JSON.stringify(n.attach);
  const extra = Object.keys(n.extra).length ? JSON.stringify(n.extra) : null;
  // Every parameter is cast: Prisma sends untyped values and NULLs must still have a type.
  const [row] = await db.$queryRaw<{ id: number | null }[]>`
    WITH renewal AS (
      INSERT INTO renewals (idempotency_key, union_id, source_type, service_name, trade_no, out_trade_no, park_id, card_id,
        car_number, license_color, pay_state, amount_fen, arrive_money_fen, fee_fen, account_type, pay_company, pay_account,
        pay_time, start_date, end_date, remark, attach, extra, sign, data_text, raw_body, remote_addr, booked_at)
      VALUES (${key}::text, ${n.unionId}::text, ${n.sourceType}::int, ${n.serviceName}::text, ${n.tradeNo}::text,
        ${n.outTradeNo}::text, ${n.parkId}::text, ${n.cardId}::text, ${n.carNumber}::text, ${n.licenseColor}::int,
        ${n.payState}::int, ${n.amountFen}::int, ${n.arriveMoneyFen}::int, ${n.feeFen}::int, ${n.accountType}::int,
        ${n.payCompany}::int, ${n.payAccount}::int, ${n.payTime}::timestamptz, ${n.startDate}::date, ${n.endDate}::date,
        ${n.remark}::text, ${attach}::jsonb, ${extra}::jsonb, ${n.sign}::text, ${dataText}::text, ${rawBody}::text,
        ${remoteAddr}::text, COALESCE(${n.payTime}::timestamptz, now()))
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING id, park_id, amount_fen, arrive_money_fen, fee_fen, account_type, pay_company, pay_account, booked_at,
                start_date, end_date
    ),
    -- Operators map parks to WeChat parking lots: every park that ever sent a notice is listed.
    park AS (
      INSERT INTO parks (park_id, updated_at) SELECT park_id, now() FROM renewal ON CONFLICT (park_id) DO NOTHING
    ),
    fee AS (
      INSERT INTO fee_entries (renewal_id, park_id, amount_fen, arrive_money_fen, fee_fen, account_type, pay_company, pay_account, booked_at)
      SELECT id, park_id, amount_fen, arrive_money_fen, fee_fen, account_type, pay_company, pay_account, booked_at
      FROM renewal WHERE ${paid}::boolean
    ),
    card AS (
      INSERT INTO month_cards (park_id, card_key, card_id, car_number, period_start, period_end, renewal_count, total_paid_fen, last_renewal_at)
      SELECT park_id, ${cardKey}::text, ${n.cardId}::text, ${n.carNumber}::text, start_date, end_date, 1, amount_fen, booked_at
      FROM renewal WHERE ${cardKey}::text IS NOT NULL
      ON CONFLICT (park_id, card_key) DO UPDATE SET
        card_id = COALESCE(EXCLUDED.card_id, month_cards.card_id),
        car_number = COALESCE(EXCLUDED.car_number, month_cards.car_number),
        period_start = CASE WHEN EXCLUDED.period_end IS NOT NULL
                            AND (month_cards.period_end IS NULL OR EXCLUDED.period_end >= month_cards.period_end)
                       THEN EXCLUDED.period_start ELSE month_cards.period_start END,
        period_end = GREATEST(month_cards.period_end, EXCLUDED.period_end),
        renewal_count = month_cards.renewal_count + 1,
        total_paid_fen = month_cards.total_paid_fen + EXCLUDED.total_paid_fen,
        last_renewal_at = GREATEST(month_cards.last_renewal_at, EXCLUDED.last_renewal_at)
      RETURNING id
    ),
    period AS (
      INSERT INTO card_periods (card_id, renewal_id, start_date, end_date)
      SELECT card.id, renewal.id, renewal.start_date, renewal.end_date FROM card, renewal
    ),
    sync AS (
      INSERT INTO wechat_syncs (renewal_id, updated_at) SELECT id, now() FROM renewal WHERE ${paid}::boolean RETURNING id
    )
    SELECT (SELECT id FROM renewal) AS id,
           -- Wakes the sync workers at once (delivered on commit); they also poll as a backstop.
           (SELECT count(pg_notify('wechat_sync', sync.id::text)) FROM sync) AS notified`;
  return row.id;
}

/**
 * A re-delivery books nothing. When its data differs from what was booked (ignoring key order,
 * spacing and escapes) it is kept once as a conflict and the renewal is flagged for an operator.
 */
async function recordRedelivery(db: Db, renewalId: number, delivery: Delivery): Promise<BookingOutcome> {
  const booked = await db.renewal.findUniqueOrThrow({ where: { id: renewalId }, select: { dataText: true } });
  if (booked.dataText === delivery.dataText) return { outcome: "duplicate", renewalId };
  const fields = differingFields(booked.dataText, delivery.dataText);
  if (!fields.length) return { outcome: "duplicate", renewalId };
  await db.$transaction(async (tx) => {
    const seen = await tx.renewalConflict.findFirst({ where: { renewalId, dataText: delivery.dataText }, select: { id: true } });
    if (!seen) {
      await tx.renewalConflict.create({
        data: { renewalId, fields, dataText: delivery.dataText, rawBody: delivery.rawBody, remoteAddr: delivery.remoteAddr },
      });
    }
    await tx.renewal.update({ where: { id: renewalId }, data: { hasConflict: true } });
  });
  return { outcome: "conflict", renewalId, fields };
}

/**
 * Top-level data fields whose values differ (sorted), e.g. ["amount"]. Key order, spacing,
 * escapes and number-vs-numeric-string ("0.02" vs 0.02, as the vendor's own example mixes) are
 * not differences.
 */
export function differingFields(bookedText: string, newText: string): string[] {
  const a = JSON.parse(bookedText) as Record<string, unknown>;
  const b = JSON.parse(newText) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((field) => !sameValue(a[field], b[field])).sort();
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

function sameValue(a: unknown, b: unknown): boolean {
  // Mixed number and numeric string: equal when the string has no more digits than a double keeps.
  if (typeof a === "number" && typeof b === "string") return sameValue(b, a);
  if (typeof a === "string" && typeof b === "number") return NUMERIC.test(a) && a.length <= 15 && Number(a) === b;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(a[key], b[key]));
  }
  return a === b;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
