import "server-only";
import type { Db } from "@/lib/db/client";

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
  const [vendors, rejected] = await Promise.all([
    db.vendorAccount.findMany({ orderBy: { unionId: "asc" }, select: { unionId: true, name: true, enabled: true } }),
    db.$queryRaw<{ union_id: string | null; reason: string; count: bigint }[]>`
      SELECT union_id, reason, count(*) AS count FROM rejected_callbacks WHERE received_at >= ${dayAgo}
      GROUP BY union_id, reason ORDER BY count(*) DESC`,
  ]);
  const notices = await Promise.all(
    vendors.map(async (vendor) => {
      // On renewals (union_id, received_at): one index range per vendor.
      const [row] = await db.$queryRaw<{ last: Date | null; hour: bigint; day: bigint }[]>`
        SELECT (SELECT max(received_at) FROM renewals WHERE union_id = ${vendor.unionId}) AS last,
               count(*) FILTER (WHERE received_at >= ${hourAgo}) AS hour, count(*) AS day
        FROM renewals WHERE union_id = ${vendor.unionId} AND received_at >= ${dayAgo}`;
      return row;
    }),
  );
  const reasonsBy = new Map<string, { reason: string; count: number }[]>();
  for (const row of rejected) {
    const key = row.union_id ?? "";
    reasonsBy.set(key, [...(reasonsBy.get(key) ?? []), { reason: row.reason, count: Number(row.count) }]);
  }
  const rows: VendorHealth[] = vendors.map((vendor, i) => ({
    unionId: vendor.unionId,
    name: vendor.name,
    enabled: vendor.enabled,
    lastNoticeAt: notices[i].last,
    lastHour: Number(notices[i].hour),
    lastDay: Number(notices[i].day),
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
