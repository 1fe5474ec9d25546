// The fee report's reading aids: a subtotal closing each period, the chart's span, and the link
// from a mismatch flag to exactly the renewals behind it. Pure, so they are unit-tested.
import type { FeePeriod, FeeRow } from "@/lib/queries/fees";
import type { FeesQuery } from "@/lib/validations/fees";

export type FeeLine = ({ kind: "row" } & FeeRow) | ({ kind: "subtotal" } & FeePeriod);

/**
 * The page's rows with a subtotal after the last row of each period that has more than one row.
 * Subtotals are of the whole period (from the database), so a period split across pages closes
 * on the page where its last row is (`following` is the first row of the next page).
 */
export function withPeriodSubtotals(rows: FeeRow[], periods: FeePeriod[], following: FeeRow | null = null): FeeLine[] {
  const byPeriod = new Map(periods.map((period) => [period.period, period]));
  const lines: FeeLine[] = [];
  rows.forEach((row, i) => {
    lines.push({ kind: "row", ...row });
    const after = rows[i + 1] ?? following;
    const period = byPeriod.get(row.period);
    if (after?.period !== row.period && period && period.groups > 1) lines.push({ kind: "subtotal", ...period });
  });
  return lines;
}

/** "2026-10-01 – 2026-11-28" by day, "2025-12 – 2026-11" by month: the chart's title names its span with the year. */
export function chartSpan(by: "day" | "month", from: string, to: string): string {
  return by === "month" ? `${from.slice(0, 7)} – ${to.slice(0, 7)}` : `${from} – ${to}`;
}

/** The days a period covers within the report's range: a day, or a month cut to [from, to]. */
export function periodDays(period: string, query: Pick<FeesQuery, "from" | "to">): { from: string; to: string } {
  if (period.length === 10) return { from: period, to: period };
  const [year, month] = period.split("-").map(Number);
  const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  const first = `${period}-01`;
  return { from: first > query.from ? first : query.from, to: last < query.to ? last : query.to };
}

/**
 * The renewals list filtered to exactly the entries a mismatch count stands for: the same China
 * days, park and channel ("none" where Bolink sent none), and mismatched paid renewals only. A
 * line without a period (the totals) covers the whole range; without a park, the report's park.
 */
export function mismatchHref(query: Pick<FeesQuery, "from" | "to" | "park">, line: { period?: string; parkId?: string; payCompany?: number | null }): string {
  const days = line.period ? periodDays(line.period, query) : { from: query.from, to: query.to };
  const params = new URLSearchParams({ from: days.from, to: days.to });
  const park = line.parkId ?? query.park;
  if (park) params.set("park", park);
  if (line.payCompany !== undefined) params.set("channel", line.payCompany === null ? "none" : String(line.payCompany));
  params.set("mismatch", "1");
  return `/renewals?${params}`;
}
