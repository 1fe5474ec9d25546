import Link from "next/link";
import { notFound } from "next/navigation";
import { CardStatusBadge } from "@/components/cards/card-status-badge";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { annotatePeriods, cardStatus } from "@/lib/cards/periods";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatFen } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/server";
import { getCard } from "@/lib/queries/cards";

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "—");

export default async function CardPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("VIEWER");
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id < 1) notFound();
  const [t, card] = await Promise.all([getMessages(), getCard(getDb(), id)]);
  if (!card) notFound();
  const c = t.cards;
  const { status, daysLeft } = cardStatus(card.periodEnd);
  const byId = new Map(card.periods.map((p) => [p.id, p]));
  const timeline = annotatePeriods(card.periods);
  return (
    <div className="space-y-4">
      <PageHeader title={`${c.detailTitle} ${card.cardId ?? card.carNumber ?? card.id}`} description={`${c.park} ${card.parkId}`}>
        <Link href="/cards" className="text-sm text-blue-700 hover:underline">{c.back}</Link>
      </PageHeader>
      <Card className="flex flex-wrap gap-6 p-4 text-sm">
        <p>{c.currentPeriod}: <strong>{day(card.periodStart)} – {day(card.periodEnd)}</strong></p>
        <p>{c.daysLeft}: <strong>{daysLeft ?? "—"}</strong></p>
        <p><CardStatusBadge status={status} label={c.statuses[status]} /></p>
        <p>{c.renewals}: <strong>{card.renewalCount}</strong></p>
        <p>{c.totalPaid}: <strong>{formatFen(card.totalPaidFen)}</strong></p>
      </Card>
      <Card className="p-4">
        <h2 className="mb-2 text-sm font-semibold">{c.history}</h2>
        <ol className="space-y-2 border-l border-slate-200 pl-4 text-sm" data-testid="period-timeline">
          {timeline.map((period) => {
            const renewal = byId.get(period.id)?.renewal;
            return (
              <li key={period.id}>
                {period.gapDays ? <p className="mb-1"><Badge tone="amber">{c.gap.replace("{n}", String(period.gapDays))}</Badge></p> : null}
                <span className="tabular-nums">{day(period.startDate)} – {day(period.endDate)}</span>
                {period.overlapDays ? <span className="ml-2"><Badge tone="red">{c.overlap.replace("{n}", String(period.overlapDays))}</Badge></span> : null}
                {renewal ? (
                  <Link href={`/renewals/${renewal.id}`} className="ml-2 text-blue-700 hover:underline">
                    {formatFen(renewal.amountFen)} · {renewal.tradeNo ?? renewal.id}
                  </Link>
                ) : null}
              </li>
            );
          })}
        </ol>
      </Card>
    </div>
  );
}
