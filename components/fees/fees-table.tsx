"use client";
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useListTable } from "@/components/data-table/data-table";
import { ListView } from "@/components/data-table/list-view";
import type { FilterSpec, ParkOption } from "@/components/data-table/types";
import { Badge } from "@/components/ui/badge";
import { fill } from "@/lib/i18n/fill";
import { formatFen } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import type { ListState } from "@/lib/list/params";
import type { FeeSums } from "@/lib/queries/fees";

/** A report line as the page prepared it: a group, or a period's subtotal; `mismatchHref` opens its renewals. */
export type FeeTableLine = FeeSums & {
  key: string;
  kind: "row" | "subtotal";
  period: string;
  parkId: string | null;
  payCompany: number | null;
  mismatchHref: string;
};

type T = Pick<Messages, "fees" | "feeReport" | "renewals" | "table" | "list">;
const column = createColumnHelper<FeeTableLine>();
const number = "tabular-nums text-right";

function Mismatch({ sums, t }: { sums: FeeSums & { mismatchHref: string }; t: T }) {
  if (!sums.mismatched) return null;
  return (
    <Link href={sums.mismatchHref} title={fill(t.feeReport.mismatchLink, { n: sums.mismatched })} data-testid="fee-mismatch">
      <Badge tone="red">
        {t.fees.mismatch} × {sums.mismatched}
      </Badge>
    </Link>
  );
}

function getFeeColumns(t: T, filters: FilterSpec[], totals: FeeSums & { mismatchHref: string }) {
  const f = t.fees;
  const channel = (value: number | null) => (value === null ? t.renewals.channels.unknown : t.renewals.channels[String(value) as "0" | "1"]);
  const sum = (key: "count" | "paidFen" | "arrivedFen" | "feeFen", header: string) =>
    column.accessor(key, {
      header,
      meta: { cellClassName: number },
      cell: (info) => (key === "count" ? info.getValue() : formatFen(info.getValue())),
      footer: () => (key === "count" ? totals.count : formatFen(totals[key])),
    });
  return [
    column.accessor("period", {
      header: f.period,
      // The report's own controls (granularity, range, park) ride on its first column.
      meta: { filters, cellClassName: "tabular-nums" },
      cell: (info) => (info.row.original.kind === "subtotal" ? fill(t.feeReport.subtotal, { period: info.getValue() }) : info.getValue()),
      footer: () => f.total,
    }),
    column.accessor("parkId", { header: f.park, cell: (info) => info.getValue() ?? "" }),
    column.accessor("payCompany", { header: f.channel, cell: (info) => (info.row.original.kind === "subtotal" ? "" : channel(info.getValue())) }),
    sum("count", f.count),
    sum("paidFen", f.paid),
    sum("arrivedFen", f.arrived),
    sum("feeFen", f.fee),
    column.display({ id: "mismatch", header: "", cell: (info) => <Mismatch sums={info.row.original} t={t} />, footer: () => <Mismatch sums={totals} t={t} /> }),
  ];
}

export function FeesTable({
  lines,
  totals,
  filters,
  state,
  page,
  parks,
  chart,
  t,
}: {
  lines: FeeTableLine[];
  totals: FeeSums & { mismatchHref: string };
  filters: FilterSpec[];
  state: ListState;
  page: { next: string | null; prev: string | null };
  parks: ParkOption[];
  /** The period chart, between the controls and the table. */
  chart: React.ReactNode;
  t: T;
}) {
  const table = useListTable({ rows: lines, columns: getFeeColumns(t, filters, totals), getRowId: (line) => line.key });
  return (
    <ListView
      table={table}
      state={state}
      page={page}
      parks={parks}
      t={t}
      summary={chart}
      rowTestId={(line) => (line.kind === "subtotal" ? `subtotal-${line.period}` : `fee-row-${line.key}`)}
      rowClassName={(line) => (line.kind === "subtotal" ? "bg-slate-50 font-medium" : undefined)}
    />
  );
}
