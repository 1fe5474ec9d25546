import "server-only";
import type { Db } from "@/lib/db/client";
import { feesParams, type FeesQuery } from "@/lib/validations/fees";

export type FeeSums = {
  count: number;
  paidFen: number;
  arrivedFen: number;
  feeFen: number;
  /** Entries whose paid ≠ arrived + fee, or whose arrived or fee was not sent. */
  mismatched: number;
};

export type FeeRow = FeeSums & { period: string; parkId: string; payCompany: number | null };

/** A period's sums over every park and channel, and how many report rows (groups) it has. */
export type FeePeriod = FeeSums & { period: string; groups: number };

export type FeeReport = {
  /** Every group in the range (not just this page). */
  totals: FeeSums & { groups: number };
  /** Paid per period, oldest first: the chart. */
  series: { period: string; paidFen: number }[];
  /** One page of rows, newest period first, then park, then channel. */
  rows: FeeRow[];
  /** The row after the page, if any: tells whether the last period on the page goes on. */
  following: FeeRow | null;
  /** Whole-period sums of the periods on this page, for their subtotal lines. */
  periods: FeePeriod[];
  next: string | null;
  prev: string | null;
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
 * Fee entries summed per China-time day or month × park × channel ($1 unit … $6 park), from the
 * rollups kept exact by triggers on fee_entries: by day, fee_daily's rows are the groups as they
 * are; by month, whole months are fee_monthly's rows and only the days of partial months are
 * summed. The rows read grow with parks × periods, never with renewals. pay_company is -1 where
 * Bolink sent none (a key column cannot be NULL); `ord` sorts that channel last.
 */
const ORD = "CASE WHEN pay_company = -1 THEN 2147483647 ELSE pay_company END";
const PARK = "($6::text IS NULL OR park_id = $6::text)";
const GROUPS = `
  groups AS (
    SELECT month AS p, park_id, pay_company, ${ORD} AS ord, count::bigint AS count, paid_fen AS paid, arrived_fen AS arrived, fee_fen AS fee,
           mismatched::bigint AS mismatched
    FROM fee_monthly WHERE month >= $2::date AND month < $3::date AND ${PARK}
    UNION ALL
    SELECT day, park_id, pay_company, ${ORD}, count, paid_fen, arrived_fen, fee_fen, mismatched
    FROM fee_daily WHERE $1::text = 'day' AND day >= $4::date AND day <= $5::date AND ${PARK}
    UNION ALL
    SELECT date_trunc('month', day::timestamp)::date, park_id, pay_company, ${ORD}, sum(count)::bigint, sum(paid_fen)::bigint,
           sum(arrived_fen)::bigint, sum(fee_fen)::bigint, sum(mismatched)::bigint
    FROM fee_daily WHERE $1::text = 'month' AND day >= $4::date AND day <= $5::date AND (day < $2::date OR day >= $3::date) AND ${PARK}
    GROUP BY 1, 2, 3)`;

const sumsJson = (alias: string) =>
  `'count', ${alias}.count, 'paidFen', ${alias}.paid, 'arrivedFen', ${alias}.arrived, 'feeFen', ${alias}.fee, 'mismatched', ${alias}.mismatched`;
const rowsJson = (from: string, order: string) =>
  `(SELECT coalesce(json_agg(json_build_object('period', to_char(g.p, $12::text), 'parkId', g.park_id, 'payCompany', nullif(g.pay_company, -1), ${sumsJson("g")})
     ORDER BY ${order}), '[]') FROM ${from} AS g)`;

// Row keys against the cursor's ($9 period, $10 channel order, $11 park), in display order.
const BEFORE_CURSOR = "(p > $9::date OR (p = $9::date AND (park_id < $11::text OR (park_id = $11::text AND ord < $10::int))))";
const AFTER_CURSOR = "(p < $9::date OR (p = $9::date AND (park_id > $11::text OR (park_id = $11::text AND ord > $10::int))))";
const DISPLAY = "p DESC, park_id, ord";
const REVERSED = "p, park_id DESC, ord DESC";

/**
 * The whole page in one statement: totals, the chart's series, whole-period subtotals, and one
 * page of rows by keyset ($7 rows, $8 mode): from the top or after the cursor, one extra row to
 * tell whether more follow; before it, read backwards (the list kit's keysetPage), with the row at
 * the cursor that follows the page. Top-N reads of the grouped rows, never a sort of all of them.
 */
const REPORT_SQL = `
  WITH ${GROUPS},
  fwd AS (SELECT * FROM groups WHERE $8::text <> 'before' AND ($8::text = 'first' OR ${AFTER_CURSOR}) ORDER BY ${DISPLAY} LIMIT $7::int + 1),
  back AS (SELECT * FROM groups WHERE $8::text = 'before' AND ${BEFORE_CURSOR} ORDER BY ${REVERSED} LIMIT $7::int + 1),
  resume AS (SELECT * FROM groups WHERE $8::text = 'before' AND NOT ${BEFORE_CURSOR} ORDER BY ${DISPLAY} LIMIT 1),
  periods AS (
    SELECT p, count(*) AS groups, sum(count) AS count, sum(paid) AS paid, sum(arrived) AS arrived, sum(fee) AS fee, sum(mismatched) AS mismatched
    FROM groups GROUP BY p)
  SELECT
    (SELECT json_build_object('groups', count(*), 'count', coalesce(sum(count), 0), 'paidFen', coalesce(sum(paid), 0),
            'arrivedFen', coalesce(sum(arrived), 0), 'feeFen', coalesce(sum(fee), 0), 'mismatched', coalesce(sum(mismatched), 0))
     FROM groups) AS totals,
    (SELECT coalesce(json_agg(json_build_object('period', to_char(p, $12::text), 'paidFen', paid) ORDER BY p), '[]') FROM periods) AS series,
    ${rowsJson("fwd", "g.p DESC, g.park_id, g.ord")} AS fwd,
    ${rowsJson("back", "g.p, g.park_id DESC, g.ord DESC")} AS back,
    ${rowsJson("resume", "g.p")} AS resume,
    (SELECT coalesce(json_agg(json_build_object('period', to_char(s.p, $12::text), 'groups', s.groups, ${sumsJson("s")}) ORDER BY s.p DESC), '[]')
     FROM periods AS s WHERE s.p IN (SELECT p FROM fwd UNION SELECT p FROM back UNION SELECT p FROM resume)) AS periods`;

type ReportRow = { totals: FeeReport["totals"]; series: FeeReport["series"]; fwd: FeeRow[]; back: FeeRow[]; resume: FeeRow[]; periods: FeePeriod[] };

const periodFormat = (query: FeesQuery) => (query.by === "month" ? "YYYY-MM" : "YYYY-MM-DD");

function groupParams(query: FeesQuery) {
  const [first, end] = wholeMonths(query);
  return [query.by === "month" ? "month" : "day", first, end, query.from, query.to, query.park ?? null];
}

/** A row's place in the report's order, as a list-kit cursor: "period|channel|park~0". */
export function feeCursor(row: Pick<FeeRow, "period" | "parkId" | "payCompany">): string {
  return feesParams.cursor("period", `${row.period}|${row.payCompany ?? -1}|${row.parkId}`, 0);
}

function decodeFeeCursor(text: string): { day: string; channel: number; park: string } | null {
  const match = /^(\d{4}-\d{2}(?:-\d{2})?)\|(-1|0|1)\|(.*)$/s.exec(text);
  if (!match) return null;
  return { day: match[1].length === 7 ? `${match[1]}-01` : match[1], channel: Number(match[2]), park: match[3] };
}

/** What the fees page shows, in one statement whatever the number of renewals. */
export async function feeReport(db: Db, query: FeesQuery): Promise<FeeReport> {
  const cursor = query.after ?? query.before;
  const key = cursor && typeof cursor.value === "string" ? decodeFeeCursor(cursor.value) : null;
  const mode = key ? (query.after ? "after" : "before") : "first";
  const [result] = await db.$queryRawUnsafe<ReportRow[]>(
    REPORT_SQL,
    ...groupParams(query),
    query.perPage,
    mode,
    key?.day ?? null,
    key ? (key.channel === -1 ? 2_147_483_647 : key.channel) : null,
    key?.park ?? null,
    periodFormat(query),
  );
  const backwards = mode === "before";
  const read = backwards ? result.back : result.fwd;
  const rows = read.slice(0, query.perPage);
  if (backwards) rows.reverse();
  const following = backwards ? (result.resume[0] ?? null) : (read[query.perPage] ?? null);
  const hasPrev = backwards ? read.length > query.perPage : mode === "after";
  const shown = new Set(rows.map((row) => row.period).concat(following ? [following.period] : []));
  return {
    totals: result.totals,
    series: result.series,
    rows,
    following,
    periods: result.periods.filter((period) => shown.has(period.period)),
    next: following && rows.length ? feeCursor(rows[rows.length - 1]) : null,
    prev: hasPrev && rows.length ? feeCursor(rows[0]) : null,
  };
}

/** Every row of the report, for the CSV export (rows grow with parks × periods, not renewals). */
export async function feeSummary(db: Db, query: FeesQuery): Promise<FeeRow[]> {
  return db.$queryRawUnsafe<FeeRow[]>(
    `WITH ${GROUPS}
     SELECT to_char(p, $7::text) AS "period", park_id AS "parkId", nullif(pay_company, -1) AS "payCompany", count::int AS "count",
            paid::float8 AS "paidFen", arrived::float8 AS "arrivedFen", fee::float8 AS "feeFen", mismatched::int AS "mismatched"
     FROM groups ORDER BY ${DISPLAY}`,
    ...groupParams(query),
    periodFormat(query),
  );
}
