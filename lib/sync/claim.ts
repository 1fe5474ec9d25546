// Claiming due syncs: one statement takes the lease (FOR UPDATE SKIP LOCKED, so several workers
// and instances share one database) and reads everything a push needs — the stored body or the
// renewal and park to map one — so a push costs no further reads.
import type { Sql } from "@/lib/db/client";
import type { AttemptTrigger } from "@/lib/generated/prisma";
import type { FeeType, MappablePark, MappableRenewal } from "@/lib/wechatpay/mapping";
import { PAUSED_SETTING } from "@/lib/sync/settings";

export type ClaimedSync = {
  id: number;
  /** Attempts already made in this round (0 for a new or resent sync). */
  attemptCount: number;
  /** The body of this round once mapped; every retry of the round sends exactly these bytes. */
  requestBody: string | null;
  roundTrigger: AttemptTrigger;
  roundRequestedBy: string | null;
  renewal: MappableRenewal;
  park: MappablePark;
};

type Row = {
  id: number;
  attempt_count: number;
  request_body: string | null;
  round_trigger: AttemptTrigger;
  round_requested_by: string | null;
  out_trade_no: string | null;
  trade_no: string | null;
  amount_fen: number;
  pay_time: Date | null;
  received_at: Date;
  start_date: string | null;
  end_date: string | null;
  pay_company: number | null;
  park_found: boolean;
  wx_parking_lot_id: string | null;
  fee_type_override: FeeType | null;
};

const CLAIM_SQL = `
  WITH due AS (
    SELECT id FROM wechat_syncs
    WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at <= now()
      AND (lease_expires_at IS NULL OR lease_expires_at < now())
      AND NOT EXISTS (SELECT 1 FROM settings WHERE key = $4 AND value = 'true'::jsonb)
      AND id <> ALL($5::int[])
    ORDER BY next_attempt_at
    LIMIT $3
    FOR UPDATE SKIP LOCKED
  ), claimed AS (
    UPDATE wechat_syncs s SET lease_owner = $1, lease_expires_at = now() + $2 * interval '1 millisecond'
    FROM due WHERE s.id = due.id
    RETURNING s.id, s.renewal_id, s.attempt_count, s.request_body, s.round_trigger, s.round_requested_by
  )
  SELECT c.id, c.attempt_count, c.request_body, c.round_trigger, c.round_requested_by,
         r.out_trade_no, r.trade_no, r.amount_fen, r.pay_time, r.received_at,
         r.start_date::text AS start_date, r.end_date::text AS end_date, r.pay_company,
         p.id IS NOT NULL AS park_found, p.wx_parking_lot_id, p.fee_type_override
  FROM claimed c JOIN renewals r ON r.id = c.renewal_id LEFT JOIN parks p ON p.park_id = r.park_id`;

/**
 * Leases up to `limit` due syncs for `leaseMs` to `workerId`; none while syncing is paused.
 * `busy`: syncs this worker is still handling — e.g. waiting out a database outage to record a
 * 204 after their lease ran out — which it must not claim (and push) a second time.
 */
export async function claimDueSyncs(sql: Sql, workerId: string, limit: number, leaseMs: number, busy: number[] = []): Promise<ClaimedSync[]> {
  const { rows } = await sql.query<Row>(CLAIM_SQL, [workerId, leaseMs, limit, PAUSED_SETTING, busy]);
  return rows.map((row) => ({
    id: row.id,
    attemptCount: row.attempt_count,
    requestBody: row.request_body,
    roundTrigger: row.round_trigger,
    roundRequestedBy: row.round_requested_by,
    renewal: {
      outTradeNo: row.out_trade_no,
      tradeNo: row.trade_no,
      amountFen: row.amount_fen,
      payTime: row.pay_time,
      receivedAt: row.received_at,
      // Calendar days as text: pg would read a DATE as local midnight.
      startDate: row.start_date === null ? null : new Date(`${row.start_date}T00:00:00Z`),
      endDate: row.end_date === null ? null : new Date(`${row.end_date}T00:00:00Z`),
      payCompany: row.pay_company,
    },
    park: row.park_found ? { wxParkingLotId: row.wx_parking_lot_id, feeTypeOverride: row.fee_type_override } : null,
  }));
}

/**
 * Stores the bodies just mapped for new rounds, in one statement for the whole batch, before any
 * of them is sent: a retry after a crash must carry the same bytes, whatever changed meanwhile.
 */
export async function storeRequestBodies(sql: Sql, workerId: string, bodies: { id: number; body: string }[]): Promise<void> {
  if (!bodies.length) return;
  await sql.query(
    `UPDATE wechat_syncs s SET request_body = b.body, updated_at = now()
     FROM unnest($2::int[], $3::text[]) AS b(id, body)
     WHERE s.id = b.id AND s.lease_owner = $1 AND s.request_body IS NULL`,
    [workerId, bodies.map((entry) => entry.id), bodies.map((entry) => entry.body)],
  );
}

/** Claims this worker still holds on unfinished syncs go back at once, not after the lease. */
export async function releaseLeases(sql: Sql, workerId: string): Promise<number> {
  const { rowCount } = await sql.query(
    "UPDATE wechat_syncs SET lease_owner = NULL, lease_expires_at = NULL WHERE lease_owner = $1 AND status IN ('PENDING', 'RETRYING')",
    [workerId],
  );
  return rowCount ?? 0;
}
