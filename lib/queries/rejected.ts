import "server-only";
import { z } from "zod";
import { optionalParam as optional } from "@/lib/validations/search-params";
import { REJECT_REASONS, isRejectReason, type RejectReason } from "@/lib/bolink/reject-reasons";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma";

export const REJECTED_PAGE_SIZE = 50;


/** The rejected-callbacks page's URL state: ?reason=<code>&union=&after=<id>. */
export const listRejectedQuery = z.object({
  reason: optional(z.enum(REJECT_REASONS)),
  union: optional(z.string().trim().max(64)),
  after: optional(z.coerce.number().int().positive().max(2 ** 31 - 1)),
});

export type ListRejectedQuery = z.infer<typeof listRejectedQuery>;

/** Newest first by id (keyset: ?after=<last id seen>). The table is bounded (pruned oldest first). */
export async function listRejected(db: Db, query: ListRejectedQuery) {
  const where: Prisma.RejectedCallbackWhereInput = {
    ...(query.reason ? { reason: query.reason } : {}),
    ...(query.union ? { unionId: query.union } : {}),
    ...(query.after ? { id: { lt: query.after } } : {}),
  };
  const rows = await db.rejectedCallback.findMany({ where, orderBy: { id: "desc" }, take: REJECTED_PAGE_SIZE + 1 });
  const page = rows.slice(0, REJECTED_PAGE_SIZE);
  return { rows: page, next: rows.length > REJECTED_PAGE_SIZE ? page[page.length - 1].id : null };
}

export type RejectedRow = Awaited<ReturnType<typeof listRejected>>["rows"][number];

/** Every reason ever logged with its total, most frequent first: from the counts, which outlive the log's pruning. */
export async function rejectedReasons(db: Db): Promise<{ reason: RejectReason; count: number }[]> {
  const rows = await db.rejectedCallbackCount.findMany({ orderBy: [{ count: "desc" }, { reason: "asc" }] });
  return rows.flatMap((row) => (isRejectReason(row.reason) ? [{ reason: row.reason, count: Number(row.count) }] : []));
}


