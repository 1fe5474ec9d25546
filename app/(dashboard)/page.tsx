import Link from "next/link";
import { CallbackHealthTable } from "@/components/alerts/callback-health-table";
import { ResendButton } from "@/components/sync/resend-button";
import { BarChart } from "@/components/ui/bar-chart";
import { Badge, syncTone } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatDateTime, formatFen } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/server";
import { pickMessages } from "@/lib/i18n/pick";
import { syncErrorText } from "@/lib/i18n/sync-error";
import { callbackHealth } from "@/lib/queries/callback-health";
import { overview } from "@/lib/queries/overview";

export default async function OverviewPage() {
  const user = await requirePageUser("VIEWER");
  const [t, data, health] = await Promise.all([getMessages(), overview(getDb()), callbackHealth(getDb())]);
  const o = t.overview;
  // Each warning links to the list that shows exactly what it counts.
  const warnings: { text: string; href: string }[] = [
    ...(data.paused ? [{ text: o.paused, href: "/sync" }] : []),
    ...(data.stalled ? [{ text: o.stalled, href: "/sync?status=PENDING" }] : []),
    ...data.signatureSpikes.map((s) => ({
      text: o.signatureSpike.replace("{union}", s.unionId).replace("{n}", String(s.count)),
      href: `/rejected?union=${encodeURIComponent(s.unionId)}&reason=${"bad_sign"}`,
    })),
    ...(data.conflicts ? [{ text: o.conflicts.replace("{n}", String(data.conflicts)), href: "/renewals?conflict=1" }] : []),
    ...(data.counts.FAILED ? [{ text: t.failures.title + ` (${data.counts.FAILED})`, href: "/sync/failures" }] : []),
  ];
  return (
    <div className="space-y-4">
      <PageHeader title={t.pages.overview.title} description={t.pages.overview.description} />
      {warnings.length ? (
        <Card className="border-amber-300 bg-amber-50 p-3" role="alert" aria-label={o.warnings}>
          <ul className="list-disc space-y-0.5 pl-5 text-sm text-amber-900">
            {warnings.map((w) => (
              <li key={w.text}>
                <Link href={w.href} className="underline-offset-2 hover:underline">
                  {w.text}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {([["today", data.today], ["month", data.month]] as const).map(([key, sums]) => (
          <Card key={key} className="p-3">
            <h2 className="mb-2 text-sm font-semibold">{o[key]}</h2>
            <dl className="grid grid-cols-2 gap-2 text-sm xl:grid-cols-4" data-testid={`sums-${key}`}>
              <Stat label={o.renewals} value={String(sums.count)} />
              <Stat label={o.paid} value={formatFen(sums.paidFen)} />
              <Stat label={o.arrived} value={formatFen(sums.arrivedFen)} />
              <Stat label={o.fees} value={formatFen(sums.feeFen)} />
            </dl>
          </Card>
        ))}
      </div>
      <Card className="p-3">
        <h2 className="mb-2 text-sm font-semibold">{o.syncHealth}</h2>
        <dl className="grid grid-cols-3 gap-2 text-sm sm:grid-cols-5">
          {(["SYNCED", "PENDING", "RETRYING", "FAILED", "UNVERIFIED"] as const).map((status) => (
            <div key={status}>
              <dt><Badge tone={syncTone[status]}>{t.sync.statuses[status]}</Badge></dt>
              <dd className="mt-1 text-lg font-semibold tabular-nums">
                <Link href={`/sync?status=${status}`} data-testid={`overview-count-${status}`}>{data.counts[status]}</Link>
              </dd>
            </div>
          ))}
          <Stat label={o.oldestPending} value={data.oldestPendingMinutes === null ? o.none : o.minutes.replace("{n}", String(data.oldestPendingMinutes))} />
        </dl>
      </Card>
      <section aria-labelledby="health-title">
        <h2 id="health-title" className="mb-2 text-sm font-semibold">
          {t.health.title}
        </h2>
        <CallbackHealthTable rows={health} t={pickMessages(t, "health", "rejected", "table", "list")} />
      </section>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Card className="p-3"><BarChart title={o.chartPaid} labels={data.days} values={data.paidSeries} /></Card>
        <Card className="p-3"><BarChart title={o.chartFailures} labels={data.days} values={data.failureSeries} format="count" /></Card>
      </div>
      <Card className="p-3">
        <h2 className="mb-2 text-sm font-semibold">{o.latestFailures}</h2>
        {data.latestFailures.length === 0 ? (
          <p className="text-sm text-slate-500">{o.noFailures}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {data.latestFailures.map((sync) => (
              <li key={sync.id} className="flex items-center justify-between gap-3 py-1.5">
                <Link href={`/renewals/${sync.renewal.id}`} className="min-w-0 truncate hover:underline" data-testid="overview-failure">
                  {formatDateTime(sync.updatedAt)} · {sync.renewal.parkId} · {sync.renewal.carNumber ?? "—"} · {formatFen(sync.renewal.amountFen)} ·{" "}
                  <span className="text-red-700">{syncErrorText(t, sync.lastError) ?? sync.lastCode}</span>
                </Link>
                {hasRole(user.role, "OPERATOR") ? <ResendButton ids={[sync.id]} labels={t.sync} /> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-base font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
