// The fee report's reading aids: a subtotal after each period's rows, and the chart's period.
import type { FeeRow } from "@/lib/queries/fees";

export type FeeLine = ({ kind: "row" } & FeeRow) | ({ kind: "subtotal" } & FeeRow);

/** Rows (newest period first, as queried) with a subtotal line closing each period that has more than one. */
export function withPeriodSubtotals(rows: FeeRow[]): FeeLine[] {
  const lines: FeeLine[] = [];
  for (let i = 0; i < rows.length; ) {
    const period = rows[i].period;
    let end = i;
    while (end < rows.length && rows[end].period === period) end++;
    const group = rows.slice(i, end);
    lines.push(...group.map((row) => ({ kind: "row" as const, ...row })));
    if (group.length > 1) {
      lines.push({
        kind: "subtotal",
        period,
        parkId: "",
        payCompany: null,
        count: group.reduce((sum, row) => sum + row.count, 0),
        paidFen: group.reduce((sum, row) => sum + row.paidFen, 0),
        arrivedFen: group.reduce((sum, row) => sum + row.arrivedFen, 0),
        feeFen: group.reduce((sum, row) => sum + row.feeFen, 0),
        mismatched: group.reduce((sum, row) => sum + row.mismatched, 0),
      });
    }
    i = end;
  }
  return lines;
}

/** "2026-10-01 – 2026-11-28" by day, "2025-12 – 2026-11" by month: the chart's title names its span with the year. */
export function chartSpan(by: "day" | "month", from: string, to: string): string {
  return by === "month" ? `${from.slice(0, 7)} – ${to.slice(0, 7)}` : `${from} – ${to}`;
}
