import "server-only";
import { chinaToday } from "@/lib/cards/periods";
import type { Db } from "@/lib/db/client";
import { PAUSED_SETTING } from "@/lib/sync/settings";
import { syncStatusCounts } from "@/lib/queries/syncs";

const SPIKE_THRESHOLD = 10; // bad signatures per vendor per hour worth waking someone for
const STALL_MS = 2 * 60_000;

type Sums = { count: number; paidFen: number; arrivedFen: number; feeFen: number };
const NO_SUMS: Sums = { count: 0, paidFen: 0, arrivedFen: 0, feeFen: 0 };

/** China-time days from `from` on, summed over parks and channels from the fee_daily rollup. */
async function dailySums(db: Db, from: string): Promise<Map<string, Sums>> {
  const rows = await db.$queryRaw<{ day: string; count: bigint; paid: bigint; arrived: bigint; fee: bigint }[]>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(count) AS count, sum(paid_fen) AS paid, sum(arrived_fen) AS arrived, sum(fee_fen) AS fee
    FROM fee_daily WHERE day >= ${from}::date GROUP BY day`;
  return new Map(rows.map((row) => [row.day, { count: Number(row.count), paidFen: Number(row.paid), arrivedFen: Number(row.arrived), feeFen: Number(row.fee) }]));
}

function add(days: Map<string, Sums>, from: string): Sums {
  let sum = NO_SUMS;
  for (const [day, s] of days) {
    if (day >= from) sum = { count: sum.count + s.count, paidFen: sum.paidFen + s.paidFen, arrivedFen: sum.arrivedFen + s.arrivedFen, feeFen: sum.feeFen + s.feeFen };
  }
  return sum;
}

export async function overview(db: Db, now = new Date()) {
  const today = chinaToday(now);
  const todayStart = new Date(today.getTime() - 8 * 3_600_000); // China midnight in UTC
  const since30 = new Date(todayStart.getTime() - 29 * 86_400_000);
  const todayDay = today.toISOString().slice(0, 10);
  const monthDay = `${todayDay.slice(0, 8)}01`;
  const days = Array.from({ length: 30 }, (_, i) => new Date(today.getTime() - (29 - i) * 86_400_000).toISOString().slice(0, 10));

  const [daily, counts, oldestPending, failuresDaily, latestFailures, spikes, conflicts, waiting, recentAttempt, paused] = await Promise.all([
    // Today, this month and the 30-day chart in one read of at most 31 days of the rollup.
    dailySums(db, monthDay < days[0] ? monthDay : days[0]),
    syncStatusCounts(db),
    // Measured from when the sync became due (a resend makes it due now), not from its creation.
    db.wechatSync.findFirst({
      where: { status: { in: ["PENDING", "RETRYING"] }, nextAttemptAt: { lte: now } },
      orderBy: { nextAttemptAt: "asc" },
      select: { nextAttemptAt: true },
    }),
    db.$queryRaw<{ day: string; failures: bigint }[]>`
      SELECT to_char(started_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, count(*) AS failures
      FROM wechat_sync_attempts WHERE started_at >= ${since30} AND outcome <> 'SUCCESS' GROUP BY 1 ORDER BY 1`,
    db.wechatSync.findMany({
      where: { status: "FAILED" },
      orderBy: { updatedAt: "desc" },
      take: 8,
      select: { id: true, lastCode: true, lastError: true, updatedAt: true, renewal: { select: { id: true, parkId: true, carNumber: true, amountFen: true } } },
    }),
    db.$queryRaw<{ union_id: string | null; count: bigint }[]>`
      SELECT union_id, count(*) AS count FROM rejected_callbacks
      WHERE received_at >= ${new Date(now.getTime() - 3_600_000)} AND reason = 'bad_sign'
      GROUP BY union_id HAVING count(*) >= ${SPIKE_THRESHOLD}`,
    db.renewal.count({ where: { hasConflict: true } }),
    db.wechatSync.count({
      where: { status: { in: ["PENDING", "RETRYING"] }, nextAttemptAt: { lt: new Date(now.getTime() - STALL_MS) }, leaseOwner: null },
    }),
    db.wechatSyncAttempt.findFirst({ where: { startedAt: { gte: new Date(now.getTime() - STALL_MS) } }, select: { id: true } }),
    db.setting.findUnique({ where: { key: PAUSED_SETTING } }),
  ]);

  const failuresByDay = new Map(failuresDaily.map((row) => [row.day, Number(row.failures)]));
  return {
    today: add(daily, todayDay),
    month: add(daily, monthDay),
    counts,
    oldestPendingMinutes: oldestPending ? Math.floor((now.getTime() - oldestPending.nextAttemptAt.getTime()) / 60_000) : null,
    paidSeries: days.map((day) => ({ label: day, value: daily.get(day)?.paidFen ?? 0 })),
    failureSeries: days.map((day) => ({ label: day, value: failuresByDay.get(day) ?? 0 })),
    latestFailures,
    signatureSpikes: spikes.map((row) => ({ unionId: row.union_id ?? "?", count: Number(row.count) })),
    conflicts,
    // Due work nobody has claimed, and no attempt at all lately: no worker is running.
    stalled: waiting > 0 && !recentAttempt && paused?.value !== true,
    paused: paused?.value === true,
  };
}
