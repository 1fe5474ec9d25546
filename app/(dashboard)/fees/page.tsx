import { ListNotice } from "@/components/data-table/list-notice";
import type { FilterSpec } from "@/components/data-table/types";
import { ExportButton } from "@/components/export/export-button";
import { FeesTable, type FeeTableLine } from "@/components/fees/fees-table";
import { BarChart } from "@/components/ui/bar-chart";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { chartSpan, mismatchHref, withPeriodSubtotals } from "@/lib/fees/report";
import { fill } from "@/lib/i18n/fill";
import { getMessages } from "@/lib/i18n/server";
import { filterValues, listState, type RawParams } from "@/lib/list/params";
import { feeReport } from "@/lib/queries/fees";
import { listParkOptions } from "@/lib/queries/parks";
import { feesParams, feesQuery, FEE_GRANULARITIES } from "@/lib/validations/fees";

export default async function FeesPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  await requirePageUser("VIEWER");
  const list = feesParams.parse(await searchParams);
  const query = feesQuery(list.query);
  const db = getDb();
  const [t, report, parks] = await Promise.all([getMessages(), feeReport(db, query), listParkOptions(db)]);
  const f = t.fees;
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
  const lines: FeeTableLine[] = withPeriodSubtotals(report.rows, report.periods, report.following).map((line) =>
    line.kind === "subtotal"
      ? { ...line, key: `${line.period}-subtotal`, parkId: null, payCompany: null, mismatchHref: mismatchHref(query, { period: line.period }) }
      : { ...line, key: `${line.period}-${line.parkId}-${line.payCompany}`, mismatchHref: mismatchHref(query, line) },
  );
  return (
    <div className="space-y-3">
      <PageHeader title={t.pages.fees.title} description={t.pages.fees.description}>
        <ExportButton href={`/api/fees/export?${new URLSearchParams(filterValues(list.values))}`} label={t.table.export} />
      </PageHeader>
      <ListNotice dropped={list.dropped} t={t.list} />
      <FeesTable
        lines={lines}
        totals={{ ...report.totals, mismatchHref: mismatchHref(query, {}) }}
        filters={filters}
        state={state}
        page={{ next: report.next, prev: report.prev }}
        parks={parks}
        t={{ fees: t.fees, feeReport: t.feeReport, renewals: t.renewals, table: t.table, list: t.list }}
        chart={
          report.rows.length ? (
            <Card className="p-3">
              <BarChart
                title={fill(query.by === "month" ? t.feeReport.chartMonth : t.feeReport.chartDay, { span: chartSpan(query.by, query.from, query.to) })}
                labels={report.series.map((p) => p.period)}
                values={report.series.map((p) => p.paidFen)}
                tick={query.by === "month" ? "label" : "day"}
              />
            </Card>
          ) : null
        }
      />
    </div>
  );
}
