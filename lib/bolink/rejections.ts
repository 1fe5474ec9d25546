// The bounded log of callbacks we answered state 0, for operators chasing a misconfigured vendor,
// and the per-reason counts that outlive it.
import type { Sql } from "@/lib/db/client";
import type { Refusal } from "@/lib/bolink/reject-reasons";

export const REJECTED_BODY_CHARS = 8 * 1024;

export type Rejection = Pick<Refusal, "code" | "field"> & {
  unionId?: string | null;
  tradeNo?: string | null;
  body: string;
  bodyBytes: number;
  remoteAddr: string | null;
};

/**
 * The first REJECTED_BODY_CHARS of a body, storable: PostgreSQL text cannot hold NUL, and a cut
 * through a surrogate pair (emoji) leaves a lone half that Prisma's engine refuses outright —
 * the insert threw and the callback was answered "temporarily unavailable" instead of its reason.
 */
export function keptBody(body: string): string {
  return body.slice(0, REJECTED_BODY_CHARS).toWellFormed().replaceAll("\u0000", "\uFFFD");
}

/** One statement: the row, its reason's count, and the prune that keeps the log at `keep` rows. */
export async function recordRejection(sql: Sql, rejection: Rejection, keep: number): Promise<void> {
  await sql.query(REJECTION_SQL, [
    rejection.code,
    rejection.field ?? null,
    rejection.unionId?.slice(0, 64) ?? null,
    rejection.tradeNo?.slice(0, 64) ?? null,
    keptBody(rejection.body),
    rejection.bodyBytes,
    rejection.remoteAddr,
    keep,
  ]);
}

// Ids only grow, so everything `keep` rows behind the new one is older; an indexed range delete.
// The count is upserted by the same statement, so pruning can never take a rejection out of it.
const REJECTION_SQL = `
    WITH kept AS (
      INSERT INTO rejected_callbacks (reason, field, union_id, trade_no, body, body_bytes, remote_addr)
      VALUES ($1::text, $2::text, $3::text, $4::text, $5::text, $6::int, $7::text)
      RETURNING id, received_at
    ),
    counted AS (
      INSERT INTO rejected_callback_counts (reason, count, last_at)
      SELECT $1::text, 1, received_at FROM kept
      ON CONFLICT (reason) DO UPDATE SET count = rejected_callback_counts.count + 1, last_at = EXCLUDED.last_at
    )
    DELETE FROM rejected_callbacks WHERE id <= (SELECT id FROM kept) - $8::int`;
