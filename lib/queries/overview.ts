import "server-only";
import { chinaToday } from "@/lib/cards/periods";
import { sqlOf, type Db } from "@/lib/db/client";
import type { SyncStatus } from "@/lib/generated/prisma";
import { countsByStatus, SYNC_STATUS_COUNTS_SQL } from "@/lib/queries/syncs";
import { PAUSED_SETTING } from "@/lib/sync/settings";

const SPIKE_THRESHOLD = 10; // bad signatures per vendor per hour worth waking someone for
const STALL_MS = 2 * 60_000;

type Sums = { count: number; paidFen: number; arrivedFen: number; feeFen: number };
const NO_SUMS: Sums = { count: 0, paidFen: 0, arrivedFen: 0, feeFen: 0 };

function add(days: Map<string, Sums>, from: string): Sums {
  let sum = NO_SUMS;
  for (const [day, s] of days) {
    if (day >= from) sum = { count: sum.count + s.count, paidFen: sum.paidFen + s.paidFen, arrivedFen: sum.arrivedFen + s.arrivedFen, feeFen: sum.feeFen + s.feeFen };
  }
  return sum;
}

type OverviewRow = {
  daily: { day: string; count: number; paid: number; arrived: number; fee: number }[];
  counts: { status: SyncStatus; count: number }[];
  oldest_pending: Date | null;
  failures_daily: { day: string; failures: number }[];
  latest_failures: { id: number; lastCode: string | null; lastError: string | null; updatedAt: string; renewal: { id: number; parkId: string; carNumber: string | null; amountFen: number } }[];
  spikes: { unionId: string | null; count: number }[];
  conflicts: number;
  waiting: number;
  recent_attempt: boolean;
  paused: unknown;
};

/**
 * Everything the overview shows, in one statement on the pool (one round trip, no query
 * compiler: at a dozen model queries that was most of the page's CPU). $1 the first day of the
 * sums (today, this month and the 30-day chart in one read of at most 31 days of fee_daily),
 * $2 China midnight 29 days ago, $3 now, $4 an hour ago, $5 when work counts as stalled.
 */
const OVERVIEW_SQL = `
  SELECT
    (SELECT coalesce(json_agg(json_build_object('day', to_char(day, 'YYYY-MM-DD'), 'count', count, 'paid', paid, 'arrived', arrived, 'fee', fee)), '[]')
     FROM (SELECT day, sum(count) AS count, sum(paid_fen) AS paid, sum(arrived_fen) AS arrived, sum(fee_fen) AS fee
           FROM fee_daily WHERE day >= $1::date GROUP BY day) AS d) AS daily,
    (SELECT coalesce(json_agg(json_build_object('status', status, 'count', count)), '[]')
     FROM (${SYNC_STATUS_COUNTS_SQL}) AS c) AS counts,
    -- Measured from when the sync became due (a resend makes it due now), not from its creation:
    -- the earliest due of each status, each one probe of (status, next_attempt_at).
    LEAST((SELECT min(next_attempt_at) FROM wechat_syncs WHERE status = 'PENDING' AND next_attempt_at <= $3),
          (SELECT min(next_attempt_at) FROM wechat_syncs WHERE status = 'RETRYING' AND next_attempt_at <= $3)) AS oldest_pending,
    (SELECT coalesce(json_agg(json_build_object('day', day, 'failures', failures) ORDER BY day), '[]')
     FROM (SELECT to_char(started_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, count(*) AS failures
           FROM wechat_sync_attempts WHERE started_at >= $2 AND outcome <> 'SUCCESS' GROUP BY 1) AS f) AS failures_daily,
    (SELECT coalesce(json_agg(json_build_object('id', s.id, 'lastCode', s.last_code, 'lastError', s.last_error, 'updatedAt', s.updated_at,
              'renewal', json_build_object('id', r.id, 'parkId', r.park_id, 'carNumber', r.car_number, 'amountFen', r.amount_fen)) ORDER BY s.updated_at DESC, s.id DESC), '[]')
     FROM (SELECT id, renewal_id, last_code, last_error, updated_at FROM wechat_syncs WHERE status = 'FAILED' ORDER BY updated_at DESC, id DESC LIMIT 8) AS s
     JOIN renewals AS r ON r.id = s.renewal_id) AS latest_failures,
    (SELECT coalesce(json_agg(json_build_object('unionId', union_id, 'count', count)), '[]')
     FROM (SELECT union_id, count(*) AS count FROM rejected_callbacks WHERE received_at >= $4 AND reason = 'bad_sign'
           GROUP BY union_id HAVING count(*) >= ${SPIKE_THRESHOLD}) AS b) AS spikes,
    (SELECT count(*)::int FROM renewals WHERE has_conflict) AS conflicts,
    (SELECT count(*)::int FROM wechat_syncs WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at < $5 AND lease_owner IS NULL) AS waiting,
    EXISTS (SELECT 1 FROM wechat_sync_attempts WHERE started_at >= $5) AS recent_attempt,
    (SELECT value FROM settings WHERE key = '${PAUSED_SETTING}') AS paused`;

export async function overview(db: Db, now = new Date()) {
  const today = chinaToday(now);
  const todayStart = new Date(today.getTime() - 8 * 3_600_000); // China midnight in UTC
  const since30 = new Date(todayStart.getTime() - 29 * 86_400_000);
  const todayDay = today.toISOString().slice(0, 10);
  const monthDay = `${todayDay.slice(0, 8)}01`;
  const days = Array.from({ length: 30 }, (_, i) => new Date(today.getTime() - (29 - i) * 86_400_000).toISOString().slice(0, 10));
  const stallSince = new Date(now.getTime() - STALL_MS);
  const {
    rows: [row],
  } = await sqlOf(db).query<OverviewRow>(OVERVIEW_SQL, [monthDay < days[0] ? monthDay : days[0], since30, now, new Date(now.getTime() - 3_600_000), stallSince]);

  const daily = new Map(row.daily.map((d) => [d.day, { count: Number(d.count), paidFen: Number(d.paid), arrivedFen: Number(d.arrived), feeFen: Number(d.fee) }]));
  const counts = countsByStatus(row.counts);
  const failuresByDay = new Map(row.failures_daily.map((f) => [f.day, Number(f.failures)]));
  const paused = row.paused === true;
  return {
    today: add(daily, todayDay),
    month: add(daily, monthDay),
    counts,
    oldestPendingMinutes: row.oldest_pending ? Math.floor((now.getTime() - row.oldest_pending.getTime()) / 60_000) : null,
    /** The 30 China-time days of the charts, oldest first; paidSeries and failureSeries hold a value for each. */
    days,
    paidSeries: days.map((day) => daily.get(day)?.paidFen ?? 0),
    failureSeries: days.map((day) => failuresByDay.get(day) ?? 0),
    latestFailures: row.latest_failures.map((sync) => ({ ...sync, updatedAt: new Date(sync.updatedAt) })),
    signatureSpikes: row.spikes.map((spike) => ({ unionId: spike.unionId ?? "?", count: Number(spike.count) })),
    conflicts: row.conflicts,
    // Due work nobody has claimed, and no attempt at all lately: no worker is running.
    stalled: row.waiting > 0 && !row.recent_attempt && !paused,
    paused,
  };
}
