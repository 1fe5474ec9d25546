// Books one verified notice — renewal, card period, fee entry and pending WeChat sync — in ONE
// SQL statement, so it is atomic without a transaction round trip per row. The unique
// idempotency key with ON CONFLICT DO NOTHING makes a second booking impossible across
// processes: a concurrent duplicate waits for the first to commit, then inserts nothing.
// Plain pg, no Prisma: a model query costs about 1 ms of CPU in Prisma's query compiler, and
// Bolink's retries arrive in storms (bench: npm run bench, "CPU ms/answer").
import type { QueryConfig } from "pg";
import type { Sql } from "@/lib/db/client";
import { bookingEffects, RENEWAL_RETURNING } from "@/lib/bolink/booking-effects";
import type { BolinkNotice } from "@/lib/bolink/notice-schema";
import { SYNC_CHANNEL } from "@/lib/sync/channel";

export type Delivery = { notice: BolinkNotice; dataText: string; rawBody: string; remoteAddr: string | null; key: string };

export type BookingOutcome =
  | { outcome: "booked"; renewalId: number }
  | { outcome: "duplicate"; renewalId: number }
  | { outcome: "conflict"; renewalId: number; fields: string[] };

export async function bookDelivery(sql: Sql, delivery: Delivery): Promise<BookingOutcome> {
  const booking = await insertBooking(sql, delivery);
  if (booking.id !== null) return { outcome: "booked", renewalId: booking.id };
  if (booking.booked_id !== null) return recordRedelivery(sql, booking.booked_id, booking.booked_data_text!, delivery);
  // Booked by a transaction that committed while this statement waited: newer than its snapshot.
  const { rows } = await sql.query<{ id: number; data_text: string }>(REDELIVERY_SQL, redeliveryParams(delivery));
  if (!rows[0]) throw new Error(`renewal ${delivery.key} vanished between insert and read`);
  return recordRedelivery(sql, rows[0].id, rows[0].data_text, delivery);
}

/**
 * The booked renewal a re-delivery repeats: by its key, else by the vendor's trade_no — a booking
 * an instance of the previous version made during a rolling upgrade has the older key spelling.
 */
export const REDELIVERY_SQL = `
    (SELECT id, data_text FROM renewals WHERE idempotency_key = $1::text)
    UNION ALL
    (SELECT id, data_text FROM renewals WHERE trade_no = $2::text AND union_id = $3::text)
    LIMIT 1`;

export const redeliveryParams = ({ key, notice }: Delivery) => [key, notice.tradeNo, notice.unionId];

/** The card is known by card_id, else by plate; a notice with neither has no card to extend. */
export function cardKeyOf(notice: Pick<BolinkNotice, "cardId" | "carNumber">): string | null {
  if (notice.cardId) return `c:${notice.cardId}`;
  if (notice.carNumber) return `p:${notice.carNumber}`;
  return null;
}

/** BOOKING_SQL's one row: the new renewal's id, or (for a re-delivery) the booked renewal it repeats, when visible. */
export type BookingRow = { id: number | null; booked_id: number | null; booked_data_text: string | null };

/**
 * The renewal's id, or null when a renewal with this idempotency key already exists.
 * Failed payments (state 0) are stored but book no fee, extend no card and push nothing.
 * The card's current period is the one that ends last; renewals arriving out of order never
 * shorten it, and concurrent renewals of one card both count (one upsert statement each).
 */
async function insertBooking(sql: Sql, delivery: Delivery): Promise<BookingRow> {
  const { rows } = await sql.query<BookingRow>(bookingQuery(delivery));
  return rows[0];
}

/**
 * BOOKING_SQL as a named (prepared) statement: PostgreSQL parses and plans its seven CTEs once per
 * connection instead of once per callback, and the 3 KB text crosses the socket once.
 */
export function bookingQuery(delivery: Delivery): QueryConfig {
  return { name: "bolink_booking", text: BOOKING_SQL, values: bookingParams(delivery) };
}

/** BOOKING_SQL's parameters, in order. Times go as ISO text so any driver reads them the same in any time zone. */
export function bookingParams({ notice: n, dataText, rawBody, remoteAddr, key }: Delivery): unknown[] {
  const paid = n.payState === 1;
  return [
    key, n.unionId, n.sourceType, n.serviceName, n.tradeNo, n.outTradeNo, n.parkId, n.cardId, n.carNumber, n.licenseColor,
    n.payState, n.amountFen, n.arriveMoneyFen, n.feeFen, n.accountType, n.payCompany, n.payAccount,
    n.payTime?.toISOString() ?? null, n.startDate, n.endDate, n.remark,
    n.attach === null ? null : JSON.stringify(n.attach), Object.keys(n.extra).length ? JSON.stringify(n.extra) : null,
    n.sign, dataText, rawBody, remoteAddr, paid, paid ? cardKeyOf(n) : null,
  ];
}

/**
 * The whole booking as one statement with $1…$29 (bookingParams), plain text so the bench's
 * bare-pg baseline runs exactly what the app runs. Every parameter is cast: the drivers send
 * untyped values and NULLs must still have a type. $18 is pay_time, $28 "paid", $29 the card key.
 */
export const BOOKING_SQL = `
    WITH renewal AS (
      INSERT INTO renewals (idempotency_key, union_id, source_type, service_name, trade_no, out_trade_no, park_id, card_id,
        car_number, license_color, pay_state, amount_fen, arrive_money_fen, fee_fen, account_type, pay_company, pay_account,
        pay_time, start_date, end_date, remark, attach, extra, sign, data_text, raw_body, remote_addr, booked_at)
      VALUES ($1::text, $2::text, $3::int, $4::text, $5::text,
        $6::text, $7::text, $8::text, $9::text, $10::int,
        $11::int, $12::int, $13::int, $14::int, $15::int,
        $16::int, $17::int, $18::timestamptz, $19::date, $20::date,
        $21::text, $22::jsonb, $23::jsonb, $24::text, $25::text, $26::text,
        $27::text, COALESCE($18::timestamptz, now()))
      -- Any unique index: the key, or (trade_no, union_id) for a booking under an older key spelling.
      ON CONFLICT DO NOTHING
      RETURNING ${RENEWAL_RETURNING}
    ),
    -- Operators map parks to WeChat parking lots: every park that ever sent a notice is listed.
    park AS (
      INSERT INTO parks (park_id, updated_at) SELECT park_id, now() FROM renewal ON CONFLICT (park_id) DO NOTHING
    ),
    fee AS (
      INSERT INTO fee_entries (renewal_id, park_id, amount_fen, arrive_money_fen, fee_fen, account_type, pay_company, pay_account, booked_at)
      SELECT id, park_id, amount_fen, arrive_money_fen, fee_fen, account_type, pay_company, pay_account, booked_at
      FROM renewal WHERE $28::boolean
    ),
    card AS (
      INSERT INTO month_cards (park_id, card_key, card_id, car_number, period_start, period_end, renewal_count, total_paid_fen, last_renewal_at)
      SELECT park_id, $29::text, $8::text, $9::text, start_date, end_date, 1, amount_fen, booked_at
      FROM renewal WHERE $29::text IS NOT NULL
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
      INSERT INTO wechat_syncs (renewal_id, updated_at) SELECT id, now() FROM renewal WHERE $28::boolean RETURNING id
    )${bookingEffects().map((cte) => `,\n    ${cte}`).join("")}
    SELECT (SELECT id FROM renewal) AS id,
           -- Wakes the sync workers at once (delivered on commit); they also poll as a backstop.
           (SELECT count(pg_notify('${SYNC_CHANNEL}', sync.id::text)) FROM sync) AS notified,
           booked.id AS booked_id, booked.data_text AS booked_data_text
    -- A re-delivery reads what was booked in this same round trip (REDELIVERY_SQL's lookup). Only
    -- a booking committed before this statement began is visible to it; one that committed while
    -- it waited on the unique index is not, and bookDelivery then reads it with REDELIVERY_SQL.
    FROM (SELECT) AS one LEFT JOIN LATERAL (
      (SELECT id, data_text FROM renewals WHERE idempotency_key = $1::text AND NOT EXISTS (SELECT FROM renewal))
      UNION ALL
      (SELECT id, data_text FROM renewals WHERE trade_no = $5::text AND union_id = $2::text AND NOT EXISTS (SELECT FROM renewal))
      LIMIT 1
    ) AS booked ON true`;

/**
 * A re-delivery books nothing. When its data differs from what was booked (ignoring key order,
 * spacing and escapes) it is kept once as a conflict and the renewal is flagged for an operator.
 */
async function recordRedelivery(sql: Sql, renewalId: number, bookedDataText: string, delivery: Delivery): Promise<BookingOutcome> {
  if (bookedDataText === delivery.dataText) return { outcome: "duplicate", renewalId };
  const fields = differingFields(bookedDataText, delivery.dataText);
  if (!fields.length) return { outcome: "duplicate", renewalId };
  await sql.query(CONFLICT_SQL, [renewalId, fields, delivery.dataText, delivery.rawBody, delivery.remoteAddr]);
  return { outcome: "conflict", renewalId, fields };
}

/** Each differing body is kept once; the renewal is flagged. One statement, so both or neither. */
const CONFLICT_SQL = `
    WITH kept AS (
      INSERT INTO renewal_conflicts (renewal_id, fields, data_text, raw_body, remote_addr)
      SELECT $1::int, $2::text[], $3::text, $4::text, $5::text
      WHERE NOT EXISTS (SELECT 1 FROM renewal_conflicts WHERE renewal_id = $1::int AND data_text = $3::text)
    )
    UPDATE renewals SET has_conflict = true WHERE id = $1::int`;

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
