import "server-only";
import type { Db } from "@/lib/db/client";
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

export async function syncStatusCounts(db: Db) {
  const groups = await db.wechatSync.groupBy({ by: ["status"], _count: { _all: true } });
  const counts = { PENDING: 0, RETRYING: 0, SYNCED: 0, FAILED: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}
