import { ExportButton } from "@/components/export/export-button";
import { exportHref } from "@/lib/export/params";
import Link from "next/link";
import { KeysetPager } from "@/components/ui/pager";
import { SyncControls } from "@/components/sync/sync-controls";
import { SyncsTable } from "@/components/sync/syncs-table";
import { Card, PageHeader } from "@/components/ui/card";
import { Field, FilterButtons, selectClass } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getMessages } from "@/lib/i18n/server";
import { listSyncs, syncStatusCounts } from "@/lib/queries/syncs";
import { syncsWhere } from "@/lib/queries/syncs-filter";
import { PAUSED_SETTING } from "@/lib/sync/settings";
import { firstValues } from "@/lib/validations/search-params";
import { listSyncsQuery } from "@/lib/validations/syncs";

const STATUSES = ["PENDING", "RETRYING", "SYNCED", "FAILED", "UNVERIFIED"] as const;

export default async function SyncPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("VIEWER");
  const params = firstValues(await searchParams);
  const query = listSyncsQuery.parse(params);
  const db = getDb();
  const filter = { code: query.code, park: query.park, from: query.from, to: query.to };
  const matchingFailed = syncsWhere({ ...filter, status: "FAILED" });
  const [t, page, counts, failedMatching, pausedSetting] = await Promise.all([
    getMessages(),
    listSyncs(db, query),
    syncStatusCounts(db),
    db.wechatSync.count({ where: matchingFailed }),
    db.setting.findUnique({ where: { key: PAUSED_SETTING } }),
  ]);
  const paused = pausedSetting?.value === true;
  return (
    <>
      <PageHeader title={t.pages.sync.title} description={t.pages.sync.description}>
        <ExportButton href={exportHref("/api/syncs/export", listSyncsQuery, params)} label={t.table.export} />
      </PageHeader>
      {paused ? (
        <p role="alert" className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t.syncAdmin.pausedBanner}
        </p>
      ) : null}
      <div className="mb-3 grid grid-cols-2 gap-2 sm:grid-cols-4">
        {STATUSES.map((status) => (
          <Card key={status} className="px-3 py-2">
            <Link href={`?status=${status}`} className="block" data-testid={`count-${status}`}>
              <p className="text-xs text-slate-500">{t.sync.statuses[status]}</p>
              <p className="text-xl font-semibold tabular-nums">{counts[status]}</p>
            </Link>
          </Card>
        ))}
      </div>
      <form method="get" className="mb-3 flex flex-wrap items-end gap-2">
        <Field label={t.renewals.syncState} htmlFor="status">
          <select id="status" name="status" defaultValue={query.status ?? ""} className={selectClass}>
            <option value="">{t.table.all}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t.sync.statuses[status]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t.sync.code} htmlFor="code">
          <Input id="code" name="code" defaultValue={query.code} className="w-40" />
        </Field>
        <Field label={t.renewals.park} htmlFor="park">
          <Input id="park" name="park" defaultValue={query.park} className="w-32" />
        </Field>
        <Field label={t.renewals.from} htmlFor="from">
          <Input id="from" name="from" type="date" defaultValue={query.from} className="w-36" />
        </Field>
        <Field label={t.renewals.to} htmlFor="to">
          <Input id="to" name="to" type="date" defaultValue={query.to} className="w-36" />
        </Field>
        <FilterButtons labels={t.table} />
      </form>
      <SyncControls
        t={{ ...t.syncAdmin, resent: t.sync.resent, resendNone: t.sync.resendNone }}
        failedMatching={failedMatching}
        filter={filter}
        canResend={hasRole(user.role, "OPERATOR")}
        canPause={hasRole(user.role, "ADMIN")}
        paused={paused}
      />
      <SyncsTable rows={page.rows} t={t} canResend={hasRole(user.role, "OPERATOR")} />
      <KeysetPager params={params} next={page.next} labels={t.table} />
    </>
  );
}
