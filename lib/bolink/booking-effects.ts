// The seam for writes that must happen exactly once per booking, in the booking's own statement
// (so in its transaction: a crash leaves both or neither). Add a CTE to the list; it runs once per
// new renewal and never for a re-delivery, because `renewal` is empty when nothing was inserted.
//
// Each entry is `name AS (INSERT … SELECT … FROM renewal …)`. What a CTE can read:
//   renewal — the inserted row (RENEWAL_RETURNING below), 0 or 1 rows
//   $28::boolean — "paid": state 1, booked as income (fee entry, card period, WeChat sync)
// Writes to tables the statement also writes are not visible to other CTEs (one snapshot).

/** Columns of the inserted renewal that every effect may read. */
export const RENEWAL_RETURNING = [
  "id",
  "union_id",
  "park_id",
  "pay_state",
  "pay_company",
  "amount_fen",
  "arrive_money_fen",
  "fee_fen",
  "account_type",
  "pay_account",
  "booked_at",
  "start_date",
  "end_date",
].join(", ");

/**
 * Extra CTEs appended to the booking statement (lib/bolink/booking.ts). The dashboard's rollups
 * (fee_daily, sync_status_counts) are not here: triggers on fee_entries and wechat_syncs keep
 * them in the same transaction for every writer (migration 20261128212513_dashboard_rollups).
 */
export function bookingEffects(): string[] {
  return [];
}
