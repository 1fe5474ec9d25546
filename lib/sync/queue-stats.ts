// The sync queue as monitoring sees it, in one statement that stays on the (status,
// next_attempt_at) index: synced rows (the bulk of the table) are never counted.
import type { Db } from "@/lib/db/client";
import { PAUSED_SETTING } from "@/lib/sync/settings";

export type QueueStats = {
  pending: number;
  retrying: number;
  failed: number;
  /** Accepted by WeChat (2xx) but the answer could not be verified: waiting for an operator. */
  unverified: number;
  /** Pending or retrying syncs whose next attempt is due. */
  due: number;
  /** Seconds the most overdue of them has been due; 0 when none is. */
  lagSeconds: number;
  paused: boolean;
};

export async function queueStats(db: Db): Promise<QueueStats> {
  const [row] = await db.$queryRaw<
    { pending: bigint; retrying: bigint; failed: bigint; unverified: bigint; due: bigint; lag: number | null; paused: boolean }[]
  >`
    SELECT count(*) FILTER (WHERE status = 'PENDING') AS pending,
           count(*) FILTER (WHERE status = 'RETRYING') AS retrying,
           count(*) FILTER (WHERE status = 'FAILED') AS failed,
           count(*) FILTER (WHERE status = 'UNVERIFIED') AS unverified,
           count(*) FILTER (WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at <= now()) AS due,
           extract(epoch FROM now() - min(next_attempt_at) FILTER (WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at <= now()))::float8 AS lag,
           EXISTS (SELECT 1 FROM settings WHERE key = ${PAUSED_SETTING} AND value = 'true'::jsonb) AS paused
    FROM wechat_syncs WHERE status IN ('PENDING', 'RETRYING', 'FAILED', 'UNVERIFIED')`;
  return {
    pending: Number(row.pending),
    retrying: Number(row.retrying),
    failed: Number(row.failed),
    unverified: Number(row.unverified),
    due: Number(row.due),
    lagSeconds: Math.max(0, Math.round((row.lag ?? 0) * 10) / 10),
    paused: row.paused,
  };
}
