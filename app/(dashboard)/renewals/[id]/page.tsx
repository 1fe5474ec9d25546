import Link from "next/link";
import { notFound } from "next/navigation";
import { AttemptsTimeline } from "@/components/sync/attempts-timeline";
import { syncErrorText } from "@/lib/i18n/sync-error";
import { ResendButton } from "@/components/sync/resend-button";
import { UnverifiedActions } from "@/components/sync/unverified-actions";
import { Badge, syncTone } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { conflictDiff, prettyJson } from "@/lib/bolink/conflict-diff";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatDateTime, formatFen } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/server";
import { getRenewal } from "@/lib/queries/renewals";

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "—");

export default async function RenewalPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("VIEWER");
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id < 1) notFound();
  const [t, renewal] = await Promise.all([getMessages(), getRenewal(getDb(), id)]);
  if (!renewal) notFound();
  const r = t.renewals;
  const status = renewal.sync?.status ?? "NONE";

  const fields: [string, React.ReactNode][] = [
    [r.payTime, formatDateTime(renewal.payTime)],
    [r.receivedAt, formatDateTime(renewal.receivedAt)],
    [r.park, renewal.parkId],
    [r.plate, renewal.carNumber ?? "—"],
    [r.card, renewal.cardId ?? "—"],
    [r.period, `${day(renewal.startDate)} – ${day(renewal.endDate)}`],
    [r.amount, formatFen(renewal.amountFen)],
    [r.arriveMoney, formatFen(renewal.arriveMoneyFen)],
    [r.fee, formatFen(renewal.feeFen)],
    [r.channel, renewal.payCompany === null ? r.channels.unknown : r.channels[String(renewal.payCompany) as "0" | "1"]],
    [r.tradeNo, renewal.tradeNo ?? "—"],
    [r.outTradeNo, renewal.outTradeNo ?? "—"],
    [r.payState, r.payStates[String(renewal.payState) as "0" | "1"]],
    [r.unionId, renewal.unionId],
    [r.remark, renewal.remark ?? "—"],
    [r.attach, renewal.attach === null ? "—" : JSON.stringify(renewal.attach)],
    [r.extra, renewal.extra === null ? "—" : JSON.stringify(renewal.extra)],
    [r.remoteAddr, renewal.remoteAddr ?? "—"],
  ];

  return (
    <div className="space-y-4">
      <PageHeader title={`${r.detailTitle} #${renewal.id}`} description={renewal.tradeNo ?? renewal.outTradeNo ?? undefined}>
        <Link href="/renewals" className="text-sm text-blue-700 hover:underline">
          {r.back}
        </Link>
      </PageHeader>

      <Card className="p-4">
        <h2 className="mb-2 text-sm font-semibold">{r.fields}</h2>
        <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-1 text-sm lg:grid-cols-[10rem_1fr_10rem_1fr]">
          {fields.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-500">{label}</dt>
              <dd className="break-all">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>

      <Card className="p-4" id="attempts">
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-sm font-semibold">
            {t.sync.attempts} <Badge tone={syncTone[status]}>{t.sync.statuses[status]}</Badge>
          </h2>
          {renewal.sync && renewal.sync.status === "FAILED" && hasRole(user.role, "OPERATOR") ? (
            <ResendButton ids={[renewal.sync.id]} labels={t.sync} />
          ) : null}
          {renewal.sync && renewal.sync.status === "UNVERIFIED" && hasRole(user.role, "OPERATOR") ? (
            <UnverifiedActions syncId={renewal.sync.id} labels={t.sync} />
          ) : null}
        </div>
        {renewal.sync?.lastError ? (
          <p className="mb-2 text-sm text-red-700">
            {t.sync.lastError}: {syncErrorText(t, renewal.sync.lastError)}
          </p>
        ) : null}
        {renewal.sync?.status === "UNVERIFIED" ? (
          <p className="mb-2 rounded bg-amber-50 p-2 text-sm text-amber-900" data-testid="unverified-help">
            {t.sync.unverifiedHelp}
          </p>
        ) : null}
        <AttemptsTimeline attempts={renewal.sync?.attempts ?? []} confirmation={renewal.sync} t={t.sync} errors={t.syncErrors} />
      </Card>

      <Card className="p-4">
        <h2 className="mb-2 text-sm font-semibold">{r.periods}</h2>
        {renewal.period ? (
          <ol className="space-y-1 text-sm">
            {renewal.period.card.periods.map((period) => (
              <li key={period.id} className={period.renewalId === renewal.id ? "font-semibold" : undefined}>
                <Link href={`/renewals/${period.renewalId}`} className="hover:underline">
                  {day(period.startDate)} – {day(period.endDate)}
                </Link>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-slate-500">{r.noPeriods}</p>
        )}
      </Card>

      <Card className="p-4">
        <h2 className="mb-2 text-sm font-semibold">{r.conflicts}</h2>
        {renewal.conflicts.length ? (
          <ul className="space-y-4 text-sm">
            {renewal.conflicts.map((conflict) => {
              const changes = conflictDiff(renewal.dataText, conflict.dataText);
              return (
                <li key={conflict.id} data-testid={`conflict-${conflict.id}`}>
                  <p>
                    {formatDateTime(conflict.receivedAt)} · {r.conflictFields}: {conflict.fields.join(", ")} · {conflict.remoteAddr ?? "—"}
                  </p>
                  {changes?.length ? (
                    <table className="my-2 w-full max-w-3xl text-left text-xs" aria-label={t.conflictDiff.title}>
                      <thead className="text-slate-500">
                        <tr>
                          <th className="py-1 pr-3 font-medium">{t.conflictDiff.field}</th>
                          <th className="py-1 pr-3 font-medium">{t.conflictDiff.booked}</th>
                          <th className="py-1 font-medium">{t.conflictDiff.redelivered}</th>
                        </tr>
                      </thead>
                      <tbody className="font-mono">
                        {changes.map((change) => (
                          <tr key={change.field} className="border-t border-slate-100 align-top">
                            <td className="py-1 pr-3">{change.field}</td>
                            <td className="break-all py-1 pr-3 text-red-700 line-through decoration-red-300">{change.booked ?? t.conflictDiff.absent}</td>
                            <td className="break-all py-1 text-emerald-800">→ {change.redelivered ?? t.conflictDiff.absent}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ) : null}
                  <CodeBlock shown={prettyJson(conflict.rawBody)} original={conflict.rawBody} labels={t.conflictDiff} />
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">{r.noConflicts}</p>
        )}
      </Card>

      <Card className="p-4">
        <h2 className="mb-2 text-sm font-semibold">{r.rawBody}</h2>
        <CodeBlock testId="raw-body" shown={prettyJson(renewal.rawBody)} original={renewal.rawBody} labels={t.conflictDiff} />
      </Card>
    </div>
  );
}
