import { ExportButton } from "@/components/export/export-button";
import { Button } from "@/components/ui/button";
import { exportHref } from "@/lib/export/params";
import { BarChart } from "@/components/ui/bar-chart";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Field, selectClass } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatFen } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/server";
import { chartSpan, withPeriodSubtotals } from "@/lib/fees/report";
import { fill } from "@/lib/i18n/fill";
import { feeSummary, paidByPeriod, totals } from "@/lib/queries/fees";
import { feesQuery } from "@/lib/validations/fees";
import { firstValues } from "@/lib/validations/search-params";

export default async function FeesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("VIEWER");
  const query = feesQuery.parse(firstValues(await searchParams));
  const [t, rows] = await Promise.all([getMessages(), feeSummary(getDb(), query)]);
  const f = t.fees;
  const sum = totals(rows);
  const channel = (value: number | null) => (value === null ? t.renewals.channels.unknown : t.renewals.channels[String(value) as "0" | "1"]);
  const exportQuery = { by: query.by, from: query.from, to: query.to, park: query.park };
  return (
    <div className="space-y-3">
      <PageHeader title={t.pages.fees.title} description={t.pages.fees.description}>
        <ExportButton href={exportHref("/api/fees/export", feesQuery, exportQuery)} label={t.table.export} />
      </PageHeader>
      <form method="get" className="flex flex-wrap items-end gap-2">
        <Field label={f.granularity} htmlFor="by">
          <select id="by" name="by" defaultValue={query.by} className={selectClass}>
            <option value="day">{f.byDay}</option>
            <option value="month">{f.byMonth}</option>
          </select>
        </Field>
        <Field label={t.renewals.from} htmlFor="from">
          <Input id="from" name="from" type="date" defaultValue={query.from} className="w-36" />
        </Field>
        <Field label={t.renewals.to} htmlFor="to">
          <Input id="to" name="to" type="date" defaultValue={query.to} className="w-36" />
        </Field>
        <Field label={f.park} htmlFor="park">
          <Input id="park" name="park" defaultValue={query.park} className="w-32" />
        </Field>
        <Button type="submit">{t.table.filter}</Button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title={t.table.noRows} />
      ) : (
        <>
          <Card className="p-3">
            <BarChart
              title={fill(query.by === "month" ? t.feeReport.chartMonth : t.feeReport.chartDay, { span: chartSpan(query.by, query.from, query.to) })}
              points={paidByPeriod(rows).map((p) => ({ label: p.period, value: p.paidFen }))}
              tick={query.by === "month" ? (label) => label : undefined}
            />
          </Card>
          <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
                <tr>
                  {[f.period, f.park, f.channel, f.count, f.paid, f.arrived, f.fee, ""].map((h, i) => (
                    <th key={i} scope="col" className="whitespace-nowrap px-2 py-2 font-medium">{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {withPeriodSubtotals(rows).map((row) =>
                  row.kind === "subtotal" ? (
                    <tr key={`${row.period}-subtotal`} className="border-b border-slate-200 bg-slate-50 font-medium" data-testid={`subtotal-${row.period}`}>
                      <td className="px-2 py-1.5" colSpan={3}>{fill(t.feeReport.subtotal, { period: row.period })}</td>
                      <td className="px-2 py-1.5 tabular-nums">{row.count}</td>
                      <td className="px-2 py-1.5 tabular-nums">{formatFen(row.paidFen)}</td>
                      <td className="px-2 py-1.5 tabular-nums">{formatFen(row.arrivedFen)}</td>
                      <td className="px-2 py-1.5 tabular-nums">{formatFen(row.feeFen)}</td>
                      <td className="px-2 py-1.5">{row.mismatched ? <Badge tone="red">{f.mismatch} × {row.mismatched}</Badge> : null}</td>
                    </tr>
                  ) : (
                  <tr key={`${row.period}-${row.parkId}-${row.payCompany}`} className="border-b border-slate-100">
                    <td className="px-2 py-1.5 tabular-nums">{row.period}</td>
                    <td className="px-2 py-1.5">{row.parkId}</td>
                    <td className="px-2 py-1.5">{channel(row.payCompany)}</td>
                    <td className="px-2 py-1.5 tabular-nums">{row.count}</td>
                    <td className="px-2 py-1.5 tabular-nums">{formatFen(row.paidFen)}</td>
                    <td className="px-2 py-1.5 tabular-nums">{formatFen(row.arrivedFen)}</td>
                    <td className="px-2 py-1.5 tabular-nums">{formatFen(row.feeFen)}</td>
                    <td className="px-2 py-1.5">{row.mismatched ? <Badge tone="red">{f.mismatch} × {row.mismatched}</Badge> : null}</td>
                  </tr>
                  ),
                )}
              </tbody>
              <tfoot className="border-t border-slate-300 bg-slate-50 font-semibold">
                <tr>
                  <td className="px-2 py-1.5" colSpan={3}>{f.total}</td>
                  <td className="px-2 py-1.5 tabular-nums">{sum.count}</td>
                  <td className="px-2 py-1.5 tabular-nums">{formatFen(sum.paidFen)}</td>
                  <td className="px-2 py-1.5 tabular-nums">{formatFen(sum.arrivedFen)}</td>
                  <td className="px-2 py-1.5 tabular-nums">{formatFen(sum.feeFen)}</td>
                  <td className="px-2 py-1.5">{sum.mismatched ? <Badge tone="red">{f.mismatch} × {sum.mismatched}</Badge> : null}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
