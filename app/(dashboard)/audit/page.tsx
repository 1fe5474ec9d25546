import { AuditTable } from "@/components/admin/audit-table";
import { ListNotice } from "@/components/data-table/list-notice";
import { ExportButton } from "@/components/export/export-button";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getMessages } from "@/lib/i18n/server";
import { pickMessages } from "@/lib/i18n/pick";
import { filterValues, listState, type RawParams } from "@/lib/list/params";
import { auditActions, listAudit } from "@/lib/queries/audit";
import { auditParams } from "@/lib/validations/audit";

export default async function AuditPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  await requirePageUser("ADMIN");
  const list = auditParams.parse(await searchParams);
  const db = getDb();
  const [t, page, actions] = await Promise.all([getMessages(), listAudit(db, list.query), auditActions(db)]);
  return (
    <>
      <PageHeader title={t.pages.audit.title} description={t.pages.audit.description}>
        <ExportButton href={`/api/audit/export?${new URLSearchParams(filterValues(list.values))}`} label={t.table.export} />
      </PageHeader>
      <ListNotice dropped={list.dropped} t={t.list} />
      <AuditTable rows={page.rows} page={page} state={listState(list)} actions={actions} t={pickMessages(t, "audit", "roles", "parks", "sync", "table", "list")} />
    </>
  );
}
