import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma";

export type AuditEntry = { actor: string | null; action: string; target?: string; details?: Prisma.InputJsonValue };

export function writeAudit(db: Db | Tx, entry: AuditEntry) {
  return db.auditLog.create({ data: entry });
}
