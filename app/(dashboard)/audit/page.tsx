import { ExportButton } from "@/components/export/export-button";
import { exportHref } from "@/lib/export/params";
import { AuditFilters } from "@/components/admin/audit-filters";
import { AuditTable } from "@/components/admin/audit-table";
import { KeysetPager } from "@/components/ui/pager";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getMessages } from "@/lib/i18n/server";
import { auditActions, listAudit, listAuditQuery } from "@/lib/queries/audit";
import { firstValues } from "@/lib/validations/search-params";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("ADMIN");
  const raw = firstValues(await searchParams);
  const query = listAuditQuery.parse(raw);
  const db = getDb();
  const [t, page, actions] = await Promise.all([getMessages(), listAudit(db, query), auditActions(db)]);
  const params = { action: query.action, actor: query.actor, after: query.after ? String(query.after) : undefined };
  return (
    <>
      <PageHeader title={t.pages.audit.title} description={t.pages.audit.description}>
        <ExportButton href={exportHref("/api/audit/export", listAuditQuery, raw)} label={t.table.export} />
      </PageHeader>
      <AuditFilters values={query} actions={actions} t={t} />
      <AuditTable rows={page.rows} t={t} />
      <KeysetPager params={params} next={page.next} labels={t.table} />
    </>
  );
}
