import { ListNotice } from "@/components/data-table/list-notice";
import { ImportParksForm } from "@/components/parks/import-parks-form";
import { ParksTable } from "@/components/parks/parks-table";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getMessages } from "@/lib/i18n/server";
import { pickMessages } from "@/lib/i18n/pick";
import { listState, type RawParams } from "@/lib/list/params";
import { listParks } from "@/lib/queries/parks";
import { parksParams } from "@/lib/validations/parks";

export default async function ParksPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const user = await requirePageUser("VIEWER");
  const list = parksParams.parse(await searchParams);
  const [t, page] = await Promise.all([getMessages(), listParks(getDb(), list.query)]);
  const admin = hasRole(user.role, "ADMIN");
  return (
    <div className="space-y-4">
      <PageHeader title={t.pages.parks.title} description={t.pages.parks.description} />
      {admin ? (
        <Card className="p-4">
          <h2 className="mb-2 text-sm font-semibold">{t.parks.importTitle}</h2>
          <ImportParksForm t={t.parks} />
        </Card>
      ) : null}
      <div>
        <ListNotice dropped={list.dropped} t={t.list} />
        <ParksTable rows={page.rows} page={page} state={listState(list)} admin={admin} t={pickMessages(t, "parks", "table", "list")} />
      </div>
    </div>
  );
}
