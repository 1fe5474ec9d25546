import "server-only";
import { sqlOf, type Db } from "@/lib/db/client";

const HOUR_MS = 3_600_000;

export type VendorHealth = {
  unionId: string;
  name: string | null;
  enabled: boolean;
  lastNoticeAt: Date | null;
  lastHour: number;
  lastDay: number;
  rejectedDay: number;
  /** Rejections in the last 24 h by reason, most first. */
  rejectedReasons: { reason: string; count: number }[];
};

/**
 * Is each vendor's callback alive: its last notice, how many in the last hour and day, and what
 * was refused in the last day by reason. Rejections whose union_id matches no account (or none
 * could be read) are shown under that union_id, so a misconfigured sender is visible too.
 */
export async function callbackHealth(db: Db, now = new Date()): Promise<VendorHealth[]> {
  const dayAgo = new Date(now.getTime() - 24 * HOUR_MS);
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  // Plain SQL on the pool (no query compiler), one round trip for both reads: this is on the overview.
  const {
    rows: [{ vendors, rejected }],
  } = await sqlOf(db).query<{
    vendors: { unionId: string; name: string | null; enabled: boolean; last: string | null; hour: number; day: number }[];
    rejected: { union_id: string | null; reason: string; count: number }[];
  }>(
    `SELECT
       (SELECT coalesce(json_agg(json_build_object('unionId', v.union_id, 'name', v.name, 'enabled', v.enabled, 'last', n.last, 'hour', n.hour, 'day', n.day)
                ORDER BY v.union_id), '[]')
        FROM vendor_accounts AS v
        -- On renewals (union_id, received_at): one index range per vendor.
        CROSS JOIN LATERAL (
          SELECT (SELECT max(received_at) FROM renewals WHERE union_id = v.union_id) AS last,
                 count(*) FILTER (WHERE received_at >= $2) AS hour, count(*) AS day
          FROM renewals WHERE union_id = v.union_id AND received_at >= $1) AS n) AS vendors,
       (SELECT coalesce(json_agg(json_build_object('union_id', union_id, 'reason', reason, 'count', count) ORDER BY count DESC), '[]')
        FROM (SELECT union_id, reason, count(*) AS count FROM rejected_callbacks WHERE received_at >= $1 GROUP BY union_id, reason) AS r) AS rejected`,
    [dayAgo, hourAgo],
  );
  const reasonsBy = new Map<string, { reason: string; count: number }[]>();
  for (const row of rejected) {
    const key = row.union_id ?? "";
    reasonsBy.set(key, [...(reasonsBy.get(key) ?? []), { reason: row.reason, count: Number(row.count) }]);
  }
  const rows: VendorHealth[] = vendors.map((vendor) => ({
    unionId: vendor.unionId,
    name: vendor.name,
    enabled: vendor.enabled,
    lastNoticeAt: vendor.last ? new Date(vendor.last) : null,
    lastHour: vendor.hour,
    lastDay: vendor.day,
    rejectedDay: 0,
    rejectedReasons: reasonsBy.get(vendor.unionId) ?? [],
  }));
  const known = new Set(vendors.map((vendor) => vendor.unionId));
  for (const [unionId, reasons] of reasonsBy) {
    if (!known.has(unionId)) rows.push({ unionId, name: null, enabled: false, lastNoticeAt: null, lastHour: 0, lastDay: 0, rejectedDay: 0, rejectedReasons: reasons });
  }
  for (const row of rows) row.rejectedDay = row.rejectedReasons.reduce((sum, reason) => sum + reason.count, 0);
  return rows;
}
