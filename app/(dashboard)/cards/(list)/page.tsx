import { CardsTable } from "@/components/cards/cards-table";
import { ListNotice } from "@/components/data-table/list-notice";
import { ExportButton } from "@/components/export/export-button";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getMessages } from "@/lib/i18n/server";
import { pickMessages } from "@/lib/i18n/pick";
import { filterValues, listState, type RawParams } from "@/lib/list/params";
import { listCards } from "@/lib/queries/cards";
import { listParkOptions } from "@/lib/queries/parks";
import { cardsParams } from "@/lib/validations/cards";

export default async function CardsPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  await requirePageUser("VIEWER");
  const list = cardsParams.parse(await searchParams);
  const db = getDb();
  const [t, page, parks] = await Promise.all([getMessages(), listCards(db, list.query), listParkOptions(db)]);
  return (
    <>
      <PageHeader title={t.pages.cards.title} description={t.pages.cards.description}>
        <ExportButton href={`/api/cards/export?${new URLSearchParams(filterValues(list.values))}`} label={t.table.export} />
      </PageHeader>
      <ListNotice dropped={list.dropped} t={t.list} />
      <CardsTable rows={page.rows} page={page} state={listState(list)} parks={parks} t={pickMessages(t, "cards", "table", "list")} />
    </>
  );
}
