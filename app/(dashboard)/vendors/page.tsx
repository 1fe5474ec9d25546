import { headers } from "next/headers";
import { CreateVendorForm } from "@/components/admin/create-vendor-form";
import { VendorsTable } from "@/components/admin/vendors-table";
import { ListNotice } from "@/components/data-table/list-notice";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getMessages } from "@/lib/i18n/server";
import { pickMessages } from "@/lib/i18n/pick";
import { listState, type RawParams } from "@/lib/list/params";
import { callbackUrl, listVendors } from "@/lib/queries/vendors";
import { vendorsParams } from "@/lib/validations/vendors";

export default async function VendorsPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  await requirePageUser("ADMIN");
  const list = vendorsParams.parse(await searchParams);
  const db = getDb();
  // Every vendor for the weak-key warning, whatever the filters show.
  const [t, vendors, shown, requestHeaders] = await Promise.all([getMessages(), listVendors(db), listVendors(db, list.query), headers()]);
  const url = callbackUrl(process.env.PUBLIC_URL, requestHeaders);
  return (
    <>
      <PageHeader title={t.pages.vendors.title} description={t.pages.vendors.description} />
      {vendors.some((vendor) => vendor.keyNeedsRotation) ? (
        <Card className="mb-4 border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" role="alert" data-testid="weak-key-warning">
          {t.vendors.weakKeyWarning.replace(
            "{ids}",
            vendors
              .filter((vendor) => vendor.keyNeedsRotation)
              .map((vendor) => vendor.unionId)
              .join(", "),
          )}
        </Card>
      ) : null}
      <Card className="mb-4 px-4 py-3">
        <h2 className="text-sm font-semibold">{t.vendors.callbackTitle}</h2>
        <p className="text-xs text-slate-500">{t.vendors.callbackHint}</p>
        <code className="mt-1 block select-all break-all rounded bg-slate-100 px-2 py-1 font-mono text-sm" data-testid="callback-url">
          {url}
        </code>
      </Card>
      <Card className="mb-4 p-4">
        <CreateVendorForm t={t.vendors} />
      </Card>
      <ListNotice dropped={list.dropped} t={t.list} />
      <VendorsTable rows={shown} envUnionId={process.env.BOLINK_UNION_ID?.trim() || undefined} state={listState(list)} t={pickMessages(t, "vendors", "users", "table", "list")} />
    </>
  );
}
