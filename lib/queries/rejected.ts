import "server-only";
import { isRejectReason, type RejectReason } from "@/lib/bolink/reject-reasons";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma";
import { keysetArgs, keysetPage } from "@/lib/list/keyset";
import { REJECTED_SORTS, rejectedWhere } from "@/lib/queries/rejected-filter";
import { rejectedParams, type RejectedQuery } from "@/lib/validations/rejected";

/** One page of the rejected-callback log, newest first by default; the log is bounded (pruned oldest first). */
export async function listRejected(db: Db, query: RejectedQuery) {
  const args = keysetArgs(REJECTED_SORTS[query.sort], query, rejectedWhere(query));
  const rows = await db.rejectedCallback.findMany(args as { where: Prisma.RejectedCallbackWhereInput });
  return keysetPage(rows, query, (row) => rejectedParams.cursor(query.sort, row.id, row.id));
}

export type RejectedRow = Awaited<ReturnType<typeof listRejected>>["rows"][number];

/** Every reason ever logged with its total, most frequent first: from the counts, which outlive the log's pruning. */
export async function rejectedReasons(db: Db): Promise<{ reason: RejectReason; count: number }[]> {
  const rows = await db.rejectedCallbackCount.findMany({ orderBy: [{ count: "desc" }, { reason: "asc" }] });
  return rows.flatMap((row) => (isRejectReason(row.reason) ? [{ reason: row.reason, count: Number(row.count) }] : []));
}
