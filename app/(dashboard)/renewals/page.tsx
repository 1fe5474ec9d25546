import { ExportButton } from "@/components/export/export-button";
import { exportHref } from "@/lib/export/params";
import { RenewalsFilters } from "@/components/renewals/renewals-filters";
import { RenewalsTable } from "@/components/renewals/renewals-table";
import { PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getMessages } from "@/lib/i18n/server";
import { listRenewals } from "@/lib/queries/renewals";
import { listRenewalsQuery } from "@/lib/validations/renewals";
import { firstValues } from "@/lib/validations/search-params";

export default async function RenewalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("VIEWER");
  const params = firstValues(await searchParams);
  const query = listRenewalsQuery.parse(params);
  const db = getDb();
  const [t, page, parks] = await Promise.all([
    getMessages(),
    listRenewals(db, query),
    db.park.findMany({ select: { parkId: true }, orderBy: { parkId: "asc" }, take: 1000 }),
  ]);
  return (
    <>
      <PageHeader title={t.pages.renewals.title} description={t.pages.renewals.description}>
        <ExportButton href={exportHref("/api/renewals/export", listRenewalsQuery, params)} label={t.table.export} />
      </PageHeader>
      <RenewalsFilters values={params} parks={parks.map((p) => p.parkId)} t={t} />
      <RenewalsTable rows={page.rows} t={t} sort={{ dir: query.dir, href: `?${sortQuery(params, query.dir === "desc" ? "asc" : "desc")}` }} />
      <Pager params={params} prev={page.prev} next={page.next} labels={t.table} />
    </>
  );
}

/** The same filters in the other order, from the first page (a cursor only makes sense in one order). */
function sortQuery(params: Record<string, string | undefined>, dir: "asc" | "desc"): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value && key !== "after" && key !== "before") query.set(key, value);
  query.set("dir", dir);
  return query.toString();
}
