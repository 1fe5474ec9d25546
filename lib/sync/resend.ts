// Put syncs back in the queue. The one place both the dashboard and scripts resend through.
import type { Tx } from "@/lib/db/client";

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
    data: { status: "PENDING", nextAttemptAt: new Date(), attemptCount: 0, requestBody: null, leaseOwner: null, leaseExpiresAt: null },
  });
  if (count) await tx.$executeRaw`SELECT pg_notify('wechat_sync', 'resend')`;
  return {
    queued: count,
    skippedSynced: options.force ? 0 : rows.filter((row) => row.status === "SYNCED").length,
    skippedInProgress: rows.filter((row) => row.status === "PENDING" || row.status === "RETRYING").length,
  };
}
