// Failed syncs grouped by cause: WeChat's code plus its message with the variable parts (ids,
// sizes, attempt counts) taken out, so sixteen "wx_parking_lot_id 不存在" lines are one problem.
// Read by the 微信同步 failures view and by the alert rule; one SQL expression is the definition.
// Plain SQL text and $queryRawUnsafe with positional values, not nested Prisma.sql fragments: in
// the production server bundle a fragment built here was not recognised as SQL by the client's
// copy of Prisma and was sent as a bind value ("syntax error at or near $3" on /sync/failures).
import type { Db, Tx } from "@/lib/db/client";

/**
 * The normalised cause text. Resend keeps the last error on the sync, so a group still holds its
 * resent syncs (shown as "resent") until their next attempt succeeds or fails again.
 */
const CAUSE_SQL = `concat_ws(' · ', coalesce(last_code, '—'),
  regexp_replace(
    regexp_replace(regexp_replace(coalesce(last_error, ''), '^gave up after \\d+ attempts: ', ''), '^HTTP \\d+ · ([A-Z_]+ · )?', ''),
    '\\d{4,}', '#', 'g'))`;

/**
 * A sync belongs to a failure group while it is failed, or resent after failing and not tried yet;
 * outside SYNCED a sync carries its renewal's park (a CHECK says so), so no renewal is read.
 */
const MEMBER_SQL = `(status = 'FAILED' OR (status = 'PENDING' AND attempt_count = 0 AND last_error IS NOT NULL))`;

export type FailureGroup = {
  /** Stable id of the cause (first 16 hex of its md5), usable in URLs. */
  id: string;
  code: string | null;
  cause: string;
  /** One full error text of the group, as WeChat worded it. */
  sample: string;
  httpStatus: number | null;
  failed: number;
  resent: number;
  parks: string[];
  parkCount: number;
  firstSeen: Date;
  lastSeen: Date;
};

type Row = {
  id: string;
  code: string | null;
  cause: string;
  sample: string;
  http_status: number | null;
  failed: bigint;
  resent: bigint;
  parks: string[];
  park_count: bigint;
  first_seen: Date;
  last_seen: Date;
};

/** Every open group, most syncs first. `only` narrows to one group id. */
export async function failureGroups(db: Db | Tx, only?: string): Promise<FailureGroup[]> {
  const rows = await db.$queryRawUnsafe<Row[]>(
    `WITH members AS (
      SELECT id, status, last_code, last_error, last_http_status, updated_at, park_id, ${CAUSE_SQL} AS cause
      FROM wechat_syncs WHERE ${MEMBER_SQL})
    SELECT left(md5(cause), 16) AS id, min(last_code) AS code, cause, min(last_error) AS sample,
           max(last_http_status) AS http_status,
           count(*) FILTER (WHERE status = 'FAILED') AS failed,
           count(*) FILTER (WHERE status <> 'FAILED') AS resent,
           (array_agg(DISTINCT park_id ORDER BY park_id))[1:20] AS parks,
           count(DISTINCT park_id) AS park_count,
           min(updated_at) AS first_seen, max(updated_at) AS last_seen
    FROM members
    ${only ? "WHERE left(md5(cause), 16) = $1" : ""}
    GROUP BY cause
    ORDER BY count(*) DESC, cause`,
    ...(only ? [only] : []),
  );
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    cause: row.cause,
    sample: row.sample,
    httpStatus: row.http_status,
    failed: Number(row.failed),
    resent: Number(row.resent),
    parks: row.parks,
    parkCount: Number(row.park_count),
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
  }));
}

/** Ids of the FAILED syncs in one group: what "resend this group" puts back in the queue. */
export async function failedSyncIdsInGroup(db: Db | Tx, groupId: string): Promise<number[]> {
  const rows = await db.$queryRawUnsafe<{ id: number }[]>(
    `SELECT id FROM wechat_syncs WHERE status = 'FAILED' AND left(md5(${CAUSE_SQL}), 16) = $1`,
    groupId,
  );
  return rows.map((row) => row.id);
}
