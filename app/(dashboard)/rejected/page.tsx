import { KeysetPager } from "@/components/ui/pager";
import { RejectedFilters } from "@/components/admin/rejected-filters";
import { RejectedTable } from "@/components/admin/rejected-table";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getMessages } from "@/lib/i18n/server";
import { listRejected, listRejectedQuery, rejectedReasons } from "@/lib/queries/rejected";
import { firstValues } from "@/lib/validations/search-params";

export default async function RejectedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("VIEWER");
  const query = listRejectedQuery.parse(firstValues(await searchParams));
  const db = getDb();
  const [t, page, reasons] = await Promise.all([getMessages(), listRejected(db, query), rejectedReasons(db)]);
  const params = { reason: query.reason, union: query.union, after: query.after ? String(query.after) : undefined };
  return (
    <>
      <PageHeader title={t.pages.rejected.title} description={t.pages.rejected.description} />
      <RejectedFilters values={query} reasons={reasons} t={t} />
      <RejectedTable rows={page.rows} t={t} />
      <KeysetPager params={params} next={page.next} labels={t.table} />
    </>
  );
}
