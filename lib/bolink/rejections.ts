// The bounded log of callbacks we answered state 0, for operators chasing a misconfigured vendor.
import type { Sql } from "@/lib/db/client";

export const REJECTED_BODY_CHARS = 8 * 1024;

export type Rejection = {
  reason: string;
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

/** One statement: the row, and the prune that keeps the log at `keep` rows. */
export async function recordRejection(sql: Sql, rejection: Rejection, keep: number): Promise<void> {
  await sql.query(REJECTION_SQL, [
    rejection.reason,
    rejection.unionId?.slice(0, 64) ?? null,
    rejection.tradeNo?.slice(0, 64) ?? null,
    keptBody(rejection.body),
    rejection.bodyBytes,
    rejection.remoteAddr,
    keep,
  ]);
}

// Ids only grow, so everything `keep` rows behind the new one is older; an indexed range delete.
const REJECTION_SQL = `
    WITH kept AS (
      INSERT INTO rejected_callbacks (reason, union_id, trade_no, body, body_bytes, remote_addr)
      VALUES ($1::text, $2::text, $3::text, $4::text, $5::int, $6::text)
      RETURNING id
    )
    DELETE FROM rejected_callbacks WHERE id <= (SELECT id FROM kept) - $7::int`;
