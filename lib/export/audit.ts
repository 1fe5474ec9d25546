import "server-only";
import type { Db } from "@/lib/db/client";
import type { AuditLog } from "@/lib/generated/prisma";
import { auditActionLabel, auditDetailsText } from "@/lib/i18n/audit";
import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import type { ListAuditQuery } from "@/lib/queries/audit";
import { csvFilename, type CsvColumn } from "@/lib/export/csv";

const BATCH = 2000;

async function* batches(db: Db, query: ListAuditQuery): AsyncGenerator<AuditLog[]> {
  let before: number | undefined;
  for (;;) {
    const rows = await db.auditLog.findMany({
      where: { ...(query.action ? { action: query.action } : {}), ...(query.actor ? { actor: query.actor } : {}), ...(before ? { id: { lt: before } } : {}) },
      orderBy: { id: "desc" },
      take: BATCH,
    });
    yield rows;
    if (rows.length < BATCH) return;
    before = rows[rows.length - 1].id;
  }
}

/** The audit trail as filtered, newest first, with actions and details in words. */
export function auditExport(db: Db, query: ListAuditQuery, t: Messages) {
  const a = t.audit;
  const columns: CsvColumn<AuditLog>[] = [
    { header: a.at, kind: "date", value: (row) => formatDateTime(row.at) },
    { header: a.actor, value: (row) => row.actor ?? a.system },
    { header: a.action, value: (row) => auditActionLabel(t, row.action) },
    { header: a.target, value: (row) => row.target },
    { header: a.details, value: (row) => auditDetailsText(t, row.details) },
  ];
  const day = new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });
  const filename = csvFilename("audit", [day, query.action, query.actor && `actor-${query.actor}`]);
  return { filename, columns, batches: batches(db, query) };
}
