import "server-only";
import { chinaToday } from "@/lib/cards/periods";
import type { Db } from "@/lib/db/client";
import { PAUSED_SETTING } from "@/lib/sync/settings";
import { syncStatusCounts } from "@/lib/queries/syncs";

const SPIKE_THRESHOLD = 10; // bad signatures per vendor per hour worth waking someone for
const STALL_MS = 2 * 60_000;

type Sums = { count: number; paidFen: number; arrivedFen: number; feeFen: number };

async function sums(db: Db, from: Date): Promise<Sums> {
  const [row] = await db.$queryRaw<{ count: bigint; paid: bigint | null; arrived: bigint | null; fee: bigint | null }[]>`
    SELECT count(*) AS count, sum(amount_fen) AS paid, sum(arrive_money_fen) AS arrived, sum(fee_fen) AS fee
    FROM fee_entries WHERE booked_at >= ${from}`;
  return { count: Number(row.count), paidFen: Number(row.paid ?? 0), arrivedFen: Number(row.arrived ?? 0), feeFen: Number(row.fee ?? 0) };
}

export async function overview(db: Db, now = new Date()) {
  const today = chinaToday(now);
  const todayStart = new Date(today.getTime() - 8 * 3_600_000); // China midnight in UTC
  const monthStart = new Date(`${today.toISOString().slice(0, 8)}01T00:00:00+08:00`);
  const since30 = new Date(todayStart.getTime() - 29 * 86_400_000);

  const [todaySums, monthSums, counts, oldestPending, daily, failuresDaily, latestFailures, spikes, conflicts, waiting, recentAttempts, paused] = await Promise.all([
    sums(db, todayStart),
    sums(db, monthStart),
    syncStatusCounts(db),
    db.wechatSync.findFirst({ where: { status: { in: ["PENDING", "RETRYING"] } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    db.$queryRaw<{ day: string; paid: bigint }[]>`
      SELECT to_char(booked_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, sum(amount_fen) AS paid
      FROM fee_entries WHERE booked_at >= ${since30} GROUP BY 1 ORDER BY 1`,
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
    db.wechatSyncAttempt.count({ where: { startedAt: { gte: new Date(now.getTime() - STALL_MS) } } }),
    db.setting.findUnique({ where: { key: PAUSED_SETTING } }),
  ]);

  const days = Array.from({ length: 30 }, (_, i) => new Date(today.getTime() - (29 - i) * 86_400_000).toISOString().slice(0, 10));
  const paidByDay = new Map(daily.map((row) => [row.day, Number(row.paid)]));
  const failuresByDay = new Map(failuresDaily.map((row) => [row.day, Number(row.failures)]));
  return {
    today: todaySums,
    month: monthSums,
    counts,
    oldestPendingMinutes: oldestPending ? Math.floor((now.getTime() - oldestPending.createdAt.getTime()) / 60_000) : null,
    paidSeries: days.map((day) => ({ label: day, value: paidByDay.get(day) ?? 0 })),
    failureSeries: days.map((day) => ({ label: day, value: failuresByDay.get(day) ?? 0 })),
    latestFailures,
    signatureSpikes: spikes.map((row) => ({ unionId: row.union_id ?? "?", count: Number(row.count) })),
    conflicts,
    // Due work nobody has claimed, and no attempt at all lately: no worker is running.
    stalled: waiting > 0 && recentAttempts === 0 && paused?.value !== true,
    paused: paused?.value === true,
  };
}
