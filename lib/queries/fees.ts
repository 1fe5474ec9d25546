import "server-only";
import type { Db } from "@/lib/db/client";
import type { FeesQuery } from "@/lib/validations/fees";

export type FeeRow = {
  period: string;
  parkId: string;
  payCompany: number | null;
  count: number;
  paidFen: number;
  arrivedFen: number;
  feeFen: number;
  /** Rows whose arrive_money or fee was missing count as consistent only if both were sent. */
  mismatched: number;
};

/** Whole months inside [from, to] (days, inclusive) as [first, end) month starts; empty (first = end) for days. */
function wholeMonths(query: FeesQuery): [string, string] {
  if (query.by !== "month") return [query.from, query.from];
  const monthStart = (date: Date) => `${date.toISOString().slice(0, 7)}-01`;
  const from = new Date(`${query.from}T00:00:00Z`);
  const first = from.getUTCDate() === 1 ? query.from : monthStart(new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1)));
  const end = monthStart(new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000)); // the month of the day after `to`
  return first < end ? [first, end] : [query.from, query.from];
}

/**
 * Fee entries summed per China-time day or month × park × channel, from the rollups kept exact by
 * triggers on fee_entries: whole months from fee_monthly, the days of partial months (and every
 * day, by day) from fee_daily. The rows read grow with parks × periods, never with renewals.
 */
export async function feeSummary(db: Db, query: FeesQuery): Promise<FeeRow[]> {
  // Plain parameters only: Prisma.raw/Prisma.sql fragments are not recognised once Next bundles
  // the generated client (a second copy of its Sql class), and would be sent as values.
  const unit = query.by === "month" ? "month" : "day";
  const format = query.by === "month" ? "YYYY-MM" : "YYYY-MM-DD";
  const park = query.park ?? null;
  const [first, end] = wholeMonths(query);
  const rows = await db.$queryRaw<
    { period: string; park_id: string; pay_company: number | null; count: bigint; paid: bigint; arrived: bigint; fee: bigint; mismatched: bigint }[]
  >`
    SELECT to_char(p, ${format}) AS period, park_id, nullif(pay_company, -1) AS pay_company,
           sum(count) AS count, sum(paid_fen) AS paid, sum(arrived_fen) AS arrived, sum(fee_fen) AS fee, sum(mismatched) AS mismatched
    FROM (
      SELECT month::timestamp AS p, park_id, pay_company, count, paid_fen, arrived_fen, fee_fen, mismatched
      FROM fee_monthly
      WHERE month >= ${first}::date AND month < ${end}::date AND (${park}::text IS NULL OR park_id = ${park})
      UNION ALL
      SELECT date_trunc(${unit}, day::timestamp), park_id, pay_company, count, paid_fen, arrived_fen, fee_fen, mismatched
      FROM fee_daily
      WHERE day >= ${query.from}::date AND day <= ${query.to}::date AND (day < ${first}::date OR day >= ${end}::date)
        AND (${park}::text IS NULL OR park_id = ${park})) AS parts
    GROUP BY p, park_id, pay_company
    ORDER BY p DESC, park_id, nullif(pay_company, -1)`;
  return rows.map((row) => ({
    period: row.period,
    parkId: row.park_id,
    payCompany: row.pay_company,
    count: Number(row.count),
    paidFen: Number(row.paid),
    arrivedFen: Number(row.arrived),
    feeFen: Number(row.fee),
    mismatched: Number(row.mismatched),
  }));
}

export function totals(rows: FeeRow[]) {
  return rows.reduce(
    (sum, row) => ({
      count: sum.count + row.count,
      paidFen: sum.paidFen + row.paidFen,
      arrivedFen: sum.arrivedFen + row.arrivedFen,
      feeFen: sum.feeFen + row.feeFen,
      mismatched: sum.mismatched + row.mismatched,
    }),
    { count: 0, paidFen: 0, arrivedFen: 0, feeFen: 0, mismatched: 0 },
  );
}

/** Paid per period across parks and channels, oldest first, for the chart. */
export function paidByPeriod(rows: FeeRow[]): { period: string; paidFen: number }[] {
  const byPeriod = new Map<string, number>();
  for (const row of rows) byPeriod.set(row.period, (byPeriod.get(row.period) ?? 0) + row.paidFen);
  return [...byPeriod].map(([period, paidFen]) => ({ period, paidFen })).sort((a, b) => a.period.localeCompare(b.period));
}
