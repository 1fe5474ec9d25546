import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma";
import { keysetArgs, keysetPage } from "@/lib/list/keyset";
import { AUDIT_SORTS, auditWhere } from "@/lib/queries/audit-filter";
import { auditParams, type AuditQuery } from "@/lib/validations/audit";

/** One page of the audit trail, newest first by default, keyset on the id (no OFFSET, no count). */
export async function listAudit(db: Db, query: AuditQuery) {
  const args = keysetArgs(AUDIT_SORTS[query.sort], query, auditWhere(query));
  const rows = await db.auditLog.findMany(args as { where: Prisma.AuditLogWhereInput });
  return keysetPage(rows, query, (row) => auditParams.cursor(query.sort, row.id, row.id));
}

export type AuditRow = Awaited<ReturnType<typeof listAudit>>["rows"][number];

/** The action names that occur, for the filter's dropdown. */
export async function auditActions(db: Db): Promise<string[]> {
  const groups = await db.auditLog.groupBy({ by: ["action"], orderBy: { action: "asc" }, take: 200 });
  return groups.map((group) => group.action);
}
