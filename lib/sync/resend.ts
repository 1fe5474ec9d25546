// Put syncs back in the queue, or confirm accepted-but-unverified ones. The one place both the
// dashboard and scripts go through; each records who asked, so the attempt it causes says so.
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma";
import { SYNC_CHANNEL } from "@/lib/sync/channel";

const FRESH_ROUND = { status: "PENDING", attemptCount: 0, requestBody: null, leaseOwner: null, leaseExpiresAt: null } as const;

export type ResendResult = { queued: number; skippedSynced: number; skippedUnverified: number; skippedInProgress: number };

/**
 * Failed syncs start a fresh round with a freshly mapped body (the operator may have fixed the
 * park mapping). A synced or accepted-unverified one is only resent with `force` — WeChat may then
 * hold it twice. Pending or retrying ones are already queued and left alone.
 */
export async function requeueSyncs(tx: Tx, ids: number[], options: { force?: boolean; requestedBy?: string } = {}): Promise<ResendResult> {
  const statuses = options.force ? (["FAILED", "SYNCED", "UNVERIFIED"] as const) : (["FAILED"] as const);
  const rows = await tx.wechatSync.findMany({ where: { id: { in: ids } }, select: { status: true } });
  const { count } = await tx.wechatSync.updateMany({
    where: { id: { in: ids }, status: { in: [...statuses] } },
    data: { ...FRESH_ROUND, nextAttemptAt: new Date(), ...roundBy(options.requestedBy, options.force ?? false) },
  });
  if (count) await tx.$executeRaw`SELECT pg_notify(${SYNC_CHANNEL}, 'resend')`;
  const skipped = (status: string) => (options.force ? 0 : rows.filter((row) => row.status === status).length);
  return {
    queued: count,
    skippedSynced: skipped("SYNCED"),
    skippedUnverified: skipped("UNVERIFIED"),
    skippedInProgress: rows.filter((row) => row.status === "PENDING" || row.status === "RETRYING").length,
  };
}

/**
 * Every FAILED sync matching a filter, in one statement: atomic and quick even for a large
 * backlog, so it needs no background job; the worker then drains them at its own pace.
 */
export async function requeueFailedMatching(tx: Tx, where: Prisma.WechatSyncWhereInput, requestedBy?: string): Promise<number> {
  const { count } = await tx.wechatSync.updateMany({
    where: { AND: [where, { status: "FAILED" }] },
    data: { ...FRESH_ROUND, nextAttemptAt: new Date(), ...roundBy(requestedBy, false) },
  });
  if (count) await tx.$executeRaw`SELECT pg_notify(${SYNC_CHANNEL}, 'resend')`;
  return count;
}

/**
 * An operator who checked that WeChat holds an accepted-but-unverified payment marks it synced.
 * Only UNVERIFIED syncs move; returns how many did.
 */
export async function confirmUnverifiedSyncs(tx: Tx, ids: number[], confirmedBy: string): Promise<number> {
  const now = new Date();
  const { count } = await tx.wechatSync.updateMany({
    where: { id: { in: ids }, status: "UNVERIFIED" },
    data: { status: "SYNCED", syncedAt: now, confirmedBy, confirmedAt: now, lastError: null },
  });
  return count;
}

/** Without a user (scripts, tests) a resend is recorded as the worker's. */
function roundBy(requestedBy: string | undefined, force: boolean) {
  if (!requestedBy) return { roundTrigger: "WORKER", roundRequestedBy: null, confirmedBy: null, confirmedAt: null } as const;
  return { roundTrigger: force ? "FORCED_RESEND" : "RESEND", roundRequestedBy: requestedBy, confirmedBy: null, confirmedAt: null } as const;
}
