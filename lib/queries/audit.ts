import "server-only";
import { z } from "zod";
import { optionalParam as optional } from "@/lib/validations/search-params";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma";

export const AUDIT_PAGE_SIZE = 50;


/** The audit page's URL state: ?action=&actor=&after=<id>. */
export const listAuditQuery = z.object({
  action: optional(z.string().trim().max(64)),
  actor: optional(z.string().trim().max(64)),
  after: optional(z.coerce.number().int().positive().max(2 ** 31 - 1)),
});

export type ListAuditQuery = z.infer<typeof listAuditQuery>;

/** Newest first by id (keyset: ?after=<last id seen>). */
export async function listAudit(db: Db, query: ListAuditQuery) {
  const where: Prisma.AuditLogWhereInput = {
    ...(query.action ? { action: query.action } : {}),
    ...(query.actor ? { actor: query.actor } : {}),
    ...(query.after ? { id: { lt: query.after } } : {}),
  };
  const rows = await db.auditLog.findMany({ where, orderBy: { id: "desc" }, take: AUDIT_PAGE_SIZE + 1 });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return { rows: page, next: rows.length > AUDIT_PAGE_SIZE ? page[page.length - 1].id : null };
}

export type AuditRow = Awaited<ReturnType<typeof listAudit>>["rows"][number];

/** The action names that occur, for the filter's dropdown. */
export async function auditActions(db: Db): Promise<string[]> {
  const groups = await db.auditLog.groupBy({ by: ["action"], orderBy: { action: "asc" }, take: 200 });
  return groups.map((group) => group.action);
}
