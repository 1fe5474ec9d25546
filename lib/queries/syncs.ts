import "server-only";
import type { Db } from "@/lib/db/client";
import { SyncStatus } from "@/lib/generated/prisma";
import { syncsWhere } from "@/lib/queries/syncs-filter";
import type { ListSyncsQuery } from "@/lib/validations/syncs";

export const SYNC_PAGE_SIZE = 50;

/** Newest first by id (keyset), with the renewal's identifying fields. */
export async function listSyncs(db: Db, query: ListSyncsQuery) {
  const rows = await db.wechatSync.findMany({
    where: syncsWhere(query),
    orderBy: { id: "desc" },
    take: SYNC_PAGE_SIZE + 1,
    select: {
      id: true,
      status: true,
      attemptCount: true,
      nextAttemptAt: true,
      lastHttpStatus: true,
      lastCode: true,
      lastError: true,
      syncedAt: true,
      renewal: { select: { id: true, parkId: true, carNumber: true, tradeNo: true, outTradeNo: true, amountFen: true, payTime: true } },
    },
  });
  const page = rows.slice(0, SYNC_PAGE_SIZE);
  return { rows: page, next: rows.length > SYNC_PAGE_SIZE ? page[page.length - 1].id : null };
}

export type SyncRow = Awaited<ReturnType<typeof listSyncs>>["rows"][number];

/** Syncs per status from the trigger-kept counters (a few hundred rows), never a scan of every sync. */
export async function syncStatusCounts(db: Db): Promise<Record<SyncStatus, number>> {
  const rows = await db.$queryRaw<{ status: SyncStatus; count: bigint }[]>`
    SELECT status, sum(count) AS count FROM sync_status_counts GROUP BY status`;
  const counts = Object.fromEntries(Object.values(SyncStatus).map((status) => [status, 0])) as Record<SyncStatus, number>;
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}
