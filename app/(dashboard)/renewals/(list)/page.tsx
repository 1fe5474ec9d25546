import { Suspense } from "react";
import { ListNotice } from "@/components/data-table/list-notice";
import { RenewalTotals, RenewalTotalsPending } from "@/components/renewals/renewal-totals";
import { RenewalsTable } from "@/components/renewals/renewals-table";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getMessages } from "@/lib/i18n/server";
import { pickMessages } from "@/lib/i18n/pick";
import { filterValues, listState, type RawParams } from "@/lib/list/params";
import { listParkOptions } from "@/lib/queries/parks";
import { listRenewals } from "@/lib/queries/renewals";
import { renewalsParams } from "@/lib/validations/renewals";

export default async function RenewalsPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  await requirePageUser("VIEWER");
  const list = renewalsParams.parse(await searchParams);
  const db = getDb();
  const [t, page, parks] = await Promise.all([getMessages(), listRenewals(db, list.query), listParkOptions(db)]);
  return (
    <>
      <PageHeader title={t.pages.renewals.title} description={t.pages.renewals.description}>
        <Button asChild variant="outline" size="sm">
          <a href={`/api/renewals/export?${new URLSearchParams(filterValues(list.values))}`} download>
            {t.table.export}
          </a>
        </Button>
      </PageHeader>
      <ListNotice dropped={list.dropped} t={t.list} />
      <RenewalsTable
        rows={page.rows}
        page={page}
        state={listState(list)}
        parks={parks}
        t={pickMessages(t, "renewals", "sync", "table", "list")}
        summary={
          <Suspense key={JSON.stringify(list.query)} fallback={<RenewalTotalsPending t={t.list} />}>
            <RenewalTotals query={list.query} t={t.list} />
          </Suspense>
        }
      />
    </>
  );
}
