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
  /** Every entry in the range (not just this page). */
  totals: FeeSums;
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

/** Whole months inside [from, to] (days, inclusive) as [first, end) month starts; empty (first = end) when there are none. */
function wholeMonths(query: FeesQuery): [string, string] {
  const monthStart = (date: Date) => `${date.toISOString().slice(0, 7)}-01`;
  const from = new Date(`${query.from}T00:00:00Z`);
  const first = from.getUTCDate() === 1 ? query.from : monthStart(new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1)));
  const end = monthStart(new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000)); // the month of the day after `to`
  return first < end ? [first, end] : [query.from, query.from];
}

/**
 * Fee entries summed per China-time day or month × park × channel, from the rollups kept exact by
 * triggers on fee_entries. The parameters every statement shares: $1 from, $2 to (days), $3 park
 * or NULL; by month also $4, $5, the whole months [first, end).
 * By day, fee_daily's rows are the groups as they are: one table, so a page is read in its index
 * order (day by day, newest first) and never sorts every group of a long range. By month, whole
 * months are fee_monthly's rows and only the days of partial months are summed. pay_company is -1
 * where Bolink sent none (a key column cannot be NULL); `ord` sorts that channel last.
 */
const ORD = "CASE WHEN pay_company = -1 THEN 2147483647 ELSE pay_company END";
const PARK = "($3::text IS NULL OR park_id = $3::text)";
const GROUPS = {
  day: `
    SELECT day AS p, park_id, pay_company, ${ORD} AS ord, count::bigint AS count, paid_fen AS paid, arrived_fen AS arrived, fee_fen AS fee,
           mismatched::bigint AS mismatched
    FROM fee_daily WHERE day >= $1::date AND day <= $2::date AND ${PARK}`,
  month: `
    SELECT month AS p, park_id, pay_company, ${ORD} AS ord, count::bigint AS count, paid_fen AS paid, arrived_fen AS arrived, fee_fen AS fee,
           mismatched::bigint AS mismatched
    FROM fee_monthly WHERE month >= $4::date AND month < $5::date AND ${PARK}
    UNION ALL
    SELECT date_trunc('month', day::timestamp)::date, park_id, pay_company, ${ORD}, sum(count)::bigint, sum(paid_fen)::bigint,
           sum(arrived_fen)::bigint, sum(fee_fen)::bigint, sum(mismatched)::bigint
    FROM fee_daily WHERE day >= $1::date AND day <= $2::date AND (day < $4::date OR day >= $5::date) AND ${PARK}
    GROUP BY 1, 2, 3`,
};

/**
 * Every period's sums over parks and channels (totals and the chart): for every park from
 * fee_day_totals (a few rows a day, whatever the number of parks), for one park from its groups.
 */
const periodSums = (by: FeesQuery["by"]) => `
    SELECT ${by === "month" ? "date_trunc('month', day::timestamp)::date" : "day"} AS p, sum(count)::bigint AS count,
           sum(paid_fen)::bigint AS paid, sum(arrived_fen)::bigint AS arrived, sum(fee_fen)::bigint AS fee, sum(mismatched)::bigint AS mismatched
    FROM fee_day_totals WHERE $3::text IS NULL AND day >= $1::date AND day <= $2::date
    GROUP BY 1 HAVING sum(count) > 0
    UNION ALL
    SELECT p, sum(count), sum(paid), sum(arrived), sum(fee), sum(mismatched) FROM groups WHERE $3::text IS NOT NULL GROUP BY p`;

const sumsJson = (alias: string) =>
  `'count', ${alias}.count, 'paidFen', ${alias}.paid, 'arrivedFen', ${alias}.arrived, 'feeFen', ${alias}.fee, 'mismatched', ${alias}.mismatched`;

/** The report's statement and its parameters after the shared ones, numbered from `first`. */
function reportSql(by: FeesQuery["by"], first: number) {
  const [rows, mode, day, channel, park, format] = [0, 1, 2, 3, 4, 5].map((i) => `$${first + i}`);
  const rowsJson = (from: string, order: string) =>
    `(SELECT coalesce(json_agg(json_build_object('period', to_char(g.p, ${format}::text), 'parkId', g.park_id, 'payCompany', nullif(g.pay_company, -1), ${sumsJson("g")})
       ORDER BY ${order}), '[]') FROM ${from} AS g)`;
  // Row keys against the cursor (period, channel order, park), in display order.
  const before = `(p > ${day}::date OR (p = ${day}::date AND (park_id < ${park}::text OR (park_id = ${park}::text AND ord < ${channel}::int))))`;
  const after = `(p < ${day}::date OR (p = ${day}::date AND (park_id > ${park}::text OR (park_id = ${park}::text AND ord > ${channel}::int))))`;
  // By day `groups` is inlined wherever it is read, so each read takes only the rows it needs
  // through fee_daily's index: a page from its cursor on, the subtotals only the page's periods.
  // By month (parks × months, partial months summed from days) it is worked out once.
  return `
  WITH groups AS ${by === "day" ? "NOT MATERIALIZED" : "MATERIALIZED"} (${GROUPS[by]}),
  fwd AS (SELECT * FROM groups WHERE ${mode}::text <> 'before' AND (${mode}::text = 'first' OR ${after}) ORDER BY ${DISPLAY} LIMIT ${rows}::int + 1),
  back AS (SELECT * FROM groups WHERE ${mode}::text = 'before' AND ${before} ORDER BY ${REVERSED} LIMIT ${rows}::int + 1),
  resume AS (SELECT * FROM groups WHERE ${mode}::text = 'before' AND NOT ${before} ORDER BY ${DISPLAY} LIMIT 1),
  shown AS (SELECT min(p) AS lo, max(p) AS hi FROM (SELECT p FROM fwd UNION ALL SELECT p FROM back UNION ALL SELECT p FROM resume) AS s),
  periods AS (
    SELECT p, count(*) AS groups, sum(count) AS count, sum(paid) AS paid, sum(arrived) AS arrived, sum(fee) AS fee, sum(mismatched) AS mismatched
    FROM groups WHERE p >= (SELECT lo FROM shown) AND p <= (SELECT hi FROM shown) GROUP BY p),
  sums AS (${periodSums(by)})
  SELECT
    (SELECT json_build_object('count', coalesce(sum(count), 0), 'paidFen', coalesce(sum(paid), 0), 'arrivedFen', coalesce(sum(arrived), 0),
            'feeFen', coalesce(sum(fee), 0), 'mismatched', coalesce(sum(mismatched), 0))
     FROM sums) AS totals,
    (SELECT coalesce(json_agg(json_build_object('period', to_char(p, ${format}::text), 'paidFen', paid) ORDER BY p), '[]') FROM sums) AS series,
    ${rowsJson("fwd", "g.p DESC, g.park_id, g.ord")} AS fwd,
    ${rowsJson("back", "g.p, g.park_id DESC, g.ord DESC")} AS back,
    ${rowsJson("resume", "g.p")} AS resume,
    (SELECT coalesce(json_agg(json_build_object('period', to_char(s.p, ${format}::text), 'groups', s.groups, ${sumsJson("s")}) ORDER BY s.p DESC), '[]')
     FROM periods AS s) AS periods`;
}

const DISPLAY = "p DESC, park_id, ord";
const REVERSED = "p, park_id DESC, ord DESC";

type ReportRow = { totals: FeeReport["totals"]; series: FeeReport["series"]; fwd: FeeRow[]; back: FeeRow[]; resume: FeeRow[]; periods: FeePeriod[] };

const periodFormat = (query: FeesQuery) => (query.by === "month" ? "YYYY-MM" : "YYYY-MM-DD");

/** The shared parameters (and by month the whole months), then the statement's own from the next number on. */
function groupParams(query: FeesQuery): unknown[] {
  const shared = [query.from, query.to, query.park ?? null];
  return query.by === "month" ? [...shared, ...wholeMonths(query)] : shared;
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
  const params = groupParams(query);
  const [result] = await db.$queryRawUnsafe<ReportRow[]>(
    reportSql(query.by, params.length + 1),
    ...params,
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
  const params = groupParams(query);
  return db.$queryRawUnsafe<FeeRow[]>(
    `WITH groups AS (${GROUPS[query.by]})
     SELECT to_char(p, $${params.length + 1}::text) AS "period", park_id AS "parkId", nullif(pay_company, -1) AS "payCompany", count::int AS "count",
            paid::float8 AS "paidFen", arrived::float8 AS "arrivedFen", fee::float8 AS "feeFen", mismatched::int AS "mismatched"
     FROM groups ORDER BY ${DISPLAY}`,
    ...params,
    periodFormat(query),
  );
}
