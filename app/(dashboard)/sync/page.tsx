import Link from "next/link";
import { ListNotice } from "@/components/data-table/list-notice";
import { ExportButton } from "@/components/export/export-button";
import { SyncControls } from "@/components/sync/sync-controls";
import { SyncsTable } from "@/components/sync/syncs-table";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getMessages } from "@/lib/i18n/server";
import { pickMessages } from "@/lib/i18n/pick";
import { filterValues, listHref, listState, type RawParams } from "@/lib/list/params";
import { cn } from "@/lib/utils";
import { listParkOptions } from "@/lib/queries/parks";
import { listSyncs, syncStatusCounts } from "@/lib/queries/syncs";
import { syncsWhere } from "@/lib/queries/syncs-filter";
import { syncPauseState } from "@/lib/sync/pause-state";
import { SYNC_STATUSES, syncsParams } from "@/lib/validations/syncs";

export default async function SyncPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const user = await requirePageUser("VIEWER");
  const list = syncsParams.parse(await searchParams);
  const { query, values } = list;
  const db = getDb();
  // "Resend all matching" acts on the failed syncs among the other filters.
  const filter = { code: query.code, park: query.park, from: query.from, to: query.to, q: query.q };
  const [t, page, counts, failedMatching, { paused }, parks] = await Promise.all([
    getMessages(),
    listSyncs(db, query),
    syncStatusCounts(db),
    db.wechatSync.count({ where: syncsWhere({ ...filter, status: "FAILED" }) }),
    syncPauseState(),
    listParkOptions(db),
  ]);
  const canResend = hasRole(user.role, "OPERATOR");
  return (
    <>
      <PageHeader title={t.pages.sync.title} description={t.pages.sync.description}>
        <ExportButton href={`/api/syncs/export?${new URLSearchParams(filterValues(values))}`} label={t.table.export} />
      </PageHeader>
      {paused ? (
        <p role="alert" className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t.syncAdmin.pausedBanner}
        </p>
      ) : null}
      <ListNotice dropped={list.dropped} t={t.list} />
      {/* Each count sets the status filter and keeps every other filter, like the dropdown does. */}
      <nav aria-label={t.syncList.statusCards} className="mb-3 grid grid-cols-2 gap-2 sm:grid-cols-5">
        {SYNC_STATUSES.map((status) => {
          const active = values.status === status;
          return (
            <Card key={status} className={cn("px-3 py-2", active && "border-blue-500 bg-blue-50 ring-1 ring-blue-500")}>
              <Link href={listHref(values, { status })} className="block" data-testid={`count-${status}`} aria-current={active ? "true" : undefined}>
                <p className="text-xs text-slate-500">{t.sync.statuses[status]}</p>
                <p className="text-xl font-semibold tabular-nums">{counts[status].toLocaleString("zh-CN")}</p>
              </Link>
            </Card>
          );
        })}
      </nav>
      <SyncControls
        t={{ ...t.syncAdmin, resent: t.sync.resent, resendNone: t.sync.resendNone }}
        failedMatching={failedMatching}
        filter={filter}
        canResend={canResend}
        canPause={hasRole(user.role, "ADMIN")}
        paused={paused}
      />
      <SyncsTable rows={page.rows} page={page} state={listState(list)} parks={parks} t={pickMessages(t, "renewals", "sync", "syncList", "syncErrors", "table", "list")} canResend={canResend} />
    </>
  );
}
