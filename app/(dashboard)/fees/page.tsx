import Link from "next/link";
import { ListNotice } from "@/components/data-table/list-notice";
import { ListPager } from "@/components/data-table/list-pager";
import { ListToolbar } from "@/components/data-table/list-toolbar";
import type { FilterSpec } from "@/components/data-table/types";
import { ExportButton } from "@/components/export/export-button";
import { BarChart } from "@/components/ui/bar-chart";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { chartSpan, mismatchHref, withPeriodSubtotals } from "@/lib/fees/report";
import { fill } from "@/lib/i18n/fill";
import { formatFen } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/server";
import { filterValues, listState, type RawParams } from "@/lib/list/params";
import { feeReport, type FeeSums } from "@/lib/queries/fees";
import { listParkOptions } from "@/lib/queries/parks";
import { feesParams, feesQuery, FEE_GRANULARITIES } from "@/lib/validations/fees";

const cell = "px-2 py-1.5 tabular-nums";

export default async function FeesPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  await requirePageUser("VIEWER");
  const list = feesParams.parse(await searchParams);
  const query = feesQuery(list.query);
  const db = getDb();
  const [t, report, parks] = await Promise.all([getMessages(), feeReport(db, query), listParkOptions(db)]);
  const f = t.fees;
  const channel = (value: number | null) => (value === null ? t.renewals.channels.unknown : t.renewals.channels[String(value) as "0" | "1"]);
  // The controls show the range the report covers, defaults included.
  const state = listState({ ...list, values: { ...list.values, by: query.by, from: query.from, to: query.to } });
  const filters: FilterSpec[] = [
    {
      variant: "select",
      param: "by",
      label: f.granularity,
      required: true,
      options: FEE_GRANULARITIES.map((value) => ({ value, label: value === "day" ? f.byDay : f.byMonth })),
    },
    { variant: "dateRange", from: "from", to: "to", labels: { from: t.renewals.from, to: t.renewals.to } },
    { variant: "park", param: "park", label: f.park },
  ];
  const mismatch = (sums: FeeSums, line: Parameters<typeof mismatchHref>[1]) =>
    sums.mismatched ? (
      <Link href={mismatchHref(query, line)} title={fill(t.feeReport.mismatchLink, { n: sums.mismatched })} data-testid="fee-mismatch">
        <Badge tone="red">
          {f.mismatch} × {sums.mismatched}
        </Badge>
      </Link>
    ) : null;
  const sums = (row: FeeSums) => (
    <>
      <td className={cell}>{row.count}</td>
      <td className={cell}>{formatFen(row.paidFen)}</td>
      <td className={cell}>{formatFen(row.arrivedFen)}</td>
      <td className={cell}>{formatFen(row.feeFen)}</td>
    </>
  );
  return (
    <div className="space-y-3">
      <PageHeader title={t.pages.fees.title} description={t.pages.fees.description}>
        <ExportButton href={`/api/fees/export?${new URLSearchParams(filterValues(list.values))}`} label={t.table.export} />
      </PageHeader>
      <ListNotice dropped={list.dropped} t={t.list} />
      <ListToolbar filters={filters} state={state} parks={parks} t={{ table: t.table, list: t.list }} />
      {report.rows.length === 0 ? (
        <EmptyState title={t.table.noRows} />
      ) : (
        <>
          <Card className="p-3">
            <BarChart
              title={fill(query.by === "month" ? t.feeReport.chartMonth : t.feeReport.chartDay, { span: chartSpan(query.by, query.from, query.to) })}
              points={report.series.map((p) => ({ label: p.period, value: p.paidFen }))}
              tick={query.by === "month" ? (label) => label : undefined}
            />
          </Card>
          <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full whitespace-nowrap text-left text-sm">
              <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
                <tr>
                  {[f.period, f.park, f.channel, f.count, f.paid, f.arrived, f.fee, ""].map((h, i) => (
                    <th key={i} scope="col" className="whitespace-nowrap px-2 py-2 font-medium">{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {withPeriodSubtotals(report.rows, report.periods, report.following).map((row) =>
                  row.kind === "subtotal" ? (
                    <tr key={`${row.period}-subtotal`} className="border-b border-slate-200 bg-slate-50 font-medium" data-testid={`subtotal-${row.period}`}>
                      <td className="px-2 py-1.5" colSpan={3}>{fill(t.feeReport.subtotal, { period: row.period })}</td>
                      {sums(row)}
                      <td className="px-2 py-1.5">{mismatch(row, { period: row.period })}</td>
                    </tr>
                  ) : (
                    <tr key={`${row.period}-${row.parkId}-${row.payCompany}`} className="border-b border-slate-100">
                      <td className={cell}>{row.period}</td>
                      <td className="px-2 py-1.5">{row.parkId}</td>
                      <td className="px-2 py-1.5">{channel(row.payCompany)}</td>
                      {sums(row)}
                      <td className="px-2 py-1.5">{mismatch(row, row)}</td>
                    </tr>
                  ),
                )}
              </tbody>
              <tfoot className="border-t border-slate-300 bg-slate-50 font-semibold">
                <tr>
                  <td className="px-2 py-1.5" colSpan={3}>{f.total}</td>
                  {sums(report.totals)}
                  <td className="px-2 py-1.5">{mismatch(report.totals, {})}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          <ListPager state={state} page={report} t={{ table: t.table, list: t.list }} />
        </>
      )}
    </div>
  );
}
