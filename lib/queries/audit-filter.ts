// Audit filters → Prisma where. Pure, so the mapping is unit-tested.
import type { Prisma } from "@/lib/generated/prisma";
import { dayRange } from "@/lib/list/dates";
import type { KeysetColumn } from "@/lib/list/keyset";
import type { AuditQuery } from "@/lib/validations/audit";

export const AUDIT_SORTS: Record<AuditQuery["sort"], KeysetColumn> = { at: { column: "id" } };

export function auditWhere(query: Partial<AuditQuery>): Prisma.AuditLogWhereInput {
  const and: Prisma.AuditLogWhereInput[] = [];
  const at = dayRange(query.from, query.to);
  if (at) and.push({ at });
  if (query.action) and.push({ action: query.action });
  if (query.actor) and.push({ actor: query.actor });
  return and.length ? { AND: and } : {};
}
