import "server-only";
import type { Db } from "@/lib/db/client";
import type { AuditLog, Prisma } from "@/lib/generated/prisma";
import { auditActionLabel, auditDetailsText } from "@/lib/i18n/audit";
import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import { keysetArgs } from "@/lib/list/keyset";
import type { Cursor } from "@/lib/list/params";
import { AUDIT_SORTS, auditWhere } from "@/lib/queries/audit-filter";
import type { AuditQuery } from "@/lib/validations/audit";
import { csvFilename, type CsvColumn } from "@/lib/export/csv";

const BATCH = 2000;

/** Every matching entry in the page's order, from its first row (the page's own cursor is ignored). */
async function* batches(db: Db, query: AuditQuery): AsyncGenerator<AuditLog[]> {
  let after: Cursor | undefined;
  for (;;) {
    const args = keysetArgs(AUDIT_SORTS[query.sort], { dir: query.dir, perPage: BATCH - 1, after }, auditWhere(query));
    const rows = await db.auditLog.findMany(args as { where: Prisma.AuditLogWhereInput });
    yield rows;
    if (rows.length < BATCH) return;
    const last = rows[rows.length - 1];
    after = { value: last.id, id: last.id };
  }
}

/** The audit trail as filtered, newest first, with actions and details in words. */
export function auditExport(db: Db, query: AuditQuery, t: Messages) {
  const a = t.audit;
  const columns: CsvColumn<AuditLog>[] = [
    { header: a.at, kind: "date", value: (row) => formatDateTime(row.at) },
    { header: a.actor, value: (row) => row.actor ?? a.system },
    { header: a.action, value: (row) => auditActionLabel(t, row.action) },
    { header: a.target, value: (row) => row.target },
    { header: a.details, value: (row) => auditDetailsText(t, row.details) },
  ];
  const day = new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });
  const filename = csvFilename("audit", [day, query.from && `from-${query.from}`, query.to && `to-${query.to}`, query.action, query.actor && `actor-${query.actor}`]);
  return { filename, columns, batches: batches(db, query) };
}
