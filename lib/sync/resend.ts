// Put syncs back in the queue. The one place both the dashboard and scripts resend through.
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma";

const FRESH_ROUND = { status: "PENDING", attemptCount: 0, requestBody: null, leaseOwner: null, leaseExpiresAt: null } as const;

export type ResendResult = { queued: number; skippedSynced: number; skippedInProgress: number };

/**
 * Failed syncs start a fresh round with a freshly mapped body (the operator may have fixed the
 * park mapping). A synced one is only resent with `force` — WeChat would then hold it twice.
 * Pending or retrying ones are already queued and left alone.
 */
export async function requeueSyncs(tx: Tx, ids: number[], options: { force?: boolean } = {}): Promise<ResendResult> {
  const statuses = options.force ? (["FAILED", "SYNCED"] as const) : (["FAILED"] as const);
  const rows = await tx.wechatSync.findMany({ where: { id: { in: ids } }, select: { status: true } });
  const { count } = await tx.wechatSync.updateMany({
    where: { id: { in: ids }, status: { in: [...statuses] } },
    data: { ...FRESH_ROUND, nextAttemptAt: new Date() },
  });
  if (count) await tx.$executeRaw`SELECT pg_notify('wechat_sync', 'resend')`;
  return {
    queued: count,
    skippedSynced: options.force ? 0 : rows.filter((row) => row.status === "SYNCED").length,
    skippedInProgress: rows.filter((row) => row.status === "PENDING" || row.status === "RETRYING").length,
  };
}

/**
 * Every FAILED sync matching a filter, in one statement: atomic and quick even for a large
 * backlog, so it needs no background job; the worker then drains them at its own pace.
 */
export async function requeueFailedMatching(tx: Tx, where: Prisma.WechatSyncWhereInput): Promise<number> {
  const { count } = await tx.wechatSync.updateMany({ where: { AND: [where, { status: "FAILED" }] }, data: { ...FRESH_ROUND, nextAttemptAt: new Date() } });
  if (count) await tx.$executeRaw`SELECT pg_notify('wechat_sync', 'resend')`;
  return count;
}
