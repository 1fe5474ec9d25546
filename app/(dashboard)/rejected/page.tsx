import { RejectedTable } from "@/components/admin/rejected-table";
import { ListNotice } from "@/components/data-table/list-notice";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getMessages } from "@/lib/i18n/server";
import { pickMessages } from "@/lib/i18n/pick";
import { listState, type RawParams } from "@/lib/list/params";
import { listRejected, rejectedReasons } from "@/lib/queries/rejected";
import { rejectedParams } from "@/lib/validations/rejected";

export default async function RejectedPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  await requirePageUser("VIEWER");
  const list = rejectedParams.parse(await searchParams);
  const db = getDb();
  const [t, page, reasons] = await Promise.all([getMessages(), listRejected(db, list.query), rejectedReasons(db)]);
  return (
    <>
      <PageHeader title={t.pages.rejected.title} description={t.pages.rejected.description} />
      <ListNotice dropped={list.dropped} t={t.list} />
      <RejectedTable rows={page.rows} page={page} state={listState(list)} reasons={reasons} t={pickMessages(t, "rejected", "table", "list")} />
    </>
  );
}
