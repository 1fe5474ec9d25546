import { ExportButton } from "@/components/export/export-button";
import { exportHref } from "@/lib/export/params";
import Link from "next/link";
import { KeysetPager } from "@/components/ui/pager";
import { CardStatusBadge } from "@/components/cards/card-status-badge";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Field, FilterButtons, selectClass } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { cardStatus, chinaToday } from "@/lib/cards/periods";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatDateTime, formatFen } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/server";
import { listCards } from "@/lib/queries/cards";
import { listCardsQuery } from "@/lib/validations/cards";
import { firstValues } from "@/lib/validations/search-params";

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "—");

export default async function CardsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("VIEWER");
  const params = firstValues(await searchParams);
  const query = listCardsQuery.parse(params);
  const [t, page] = await Promise.all([getMessages(), listCards(getDb(), query)]);
  const c = t.cards;
  const today = chinaToday();
  return (
    <>
      <PageHeader title={t.pages.cards.title} description={t.pages.cards.description}>
        <ExportButton href={exportHref("/api/cards/export", listCardsQuery, params)} label={t.table.export} />
      </PageHeader>
      <form method="get" className="mb-3 flex flex-wrap items-end gap-2">
        <Field label={c.filterStatus} htmlFor="status">
          <select id="status" name="status" defaultValue={query.status ?? ""} className={selectClass}>
            <option value="">{t.table.all}</option>
            <option value="expiring">{c.statuses.expiring}</option>
            <option value="active">{c.statuses.active}</option>
            <option value="expired">{c.statuses.expired}</option>
          </select>
        </Field>
        <Field label={c.park} htmlFor="park">
          <Input id="park" name="park" defaultValue={query.park} className="w-32" />
        </Field>
        <Field label={c.search} htmlFor="q">
          <Input id="q" name="q" defaultValue={query.q} className="w-44" />
        </Field>
        <FilterButtons labels={t.table} />
      </form>
      {page.rows.length === 0 ? (
        <EmptyState title={t.table.noRows} />
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
              <tr>
                {[c.park, c.card, c.plate, c.currentPeriod, c.daysLeft, c.status, c.renewals, c.totalPaid, c.lastRenewal].map((h) => (
                  <th key={h} scope="col" className="whitespace-nowrap px-2 py-2 font-medium">{h}</th>
                ))}
                <th scope="col"><span className="sr-only">{t.table.details}</span></th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((card) => {
                const { status, daysLeft } = cardStatus(card.periodEnd, today);
                return (
                  <tr key={card.id} className="border-b border-slate-100 last:border-0 hover:bg-slate-50">
                    <td className="px-2 py-1.5">{card.parkId}</td>
                    <td className="px-2 py-1.5">{card.cardId ?? "—"}</td>
                    <td className="px-2 py-1.5">{card.carNumber ?? "—"}</td>
                    <td className="px-2 py-1.5 tabular-nums">{day(card.periodStart)} – {day(card.periodEnd)}</td>
                    <td className="px-2 py-1.5 tabular-nums">{daysLeft ?? "—"}</td>
                    <td className="px-2 py-1.5"><CardStatusBadge status={status} label={c.statuses[status]} /></td>
                    <td className="px-2 py-1.5 tabular-nums">{card.renewalCount}</td>
                    <td className="px-2 py-1.5 tabular-nums">{formatFen(card.totalPaidFen)}</td>
                    <td className="px-2 py-1.5 tabular-nums">{formatDateTime(card.lastRenewalAt)}</td>
                    <td className="px-2 py-1.5"><Link href={`/cards/${card.id}`} className="text-blue-700 hover:underline">{t.table.details}</Link></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <KeysetPager params={params} next={page.next} labels={t.table} />
    </>
  );
}
