// Renewals whose WeChat sync is in a rare status (failed, retrying, pending, unverified): read
// from the syncs' partial index of every sync not in SYNCED — (status, booked_at, renewal_id)
// INCLUDE (park_id, amount_fen), each copied from the renewal by a trigger — in rounds, in the
// list's own order, with the park filter applied there, and only then through the renewals' other
// filters. Reading from the renewals side instead meant probing a sync per renewal (0.3 % of them
// failed: ~16,000 probes a page), and a list of every failed id — 29,000 at 10 M — cost 0.3-0.6 s
// in bind values and heap fetches for any order but pay time.
import "server-only";
import { sqlOf, type Db } from "@/lib/db/client";
import type { Prisma, SyncStatus } from "@/lib/generated/prisma";
import { dayRange } from "@/lib/list/dates";
import { isBackwards, keysetOrder, type KeysetColumn, type KeysetFindArgs } from "@/lib/list/keyset";
import type { Cursor, CursorValue, SortDir } from "@/lib/list/params";
import type { RenewalSort, RenewalsQuery } from "@/lib/validations/renewals";

/**
 * Renewal ids read in the first round; each round is one index range and one renewals query with
 * that many ids, and each next round reads twice as many (up to MAX_ROUND bind values), so a page
 * whose other filters match one failed renewal in hundreds still takes a handful of rounds.
 */
export const FIRST_ROUND = 500;
const MAX_ROUND = 8_000;

type Position = { value: CursorValue; id: number };

/** Each list sort as the syncs' copy of the renewal's column, and its type for the cursor's bind value. */
const SORT_COLUMNS: Record<RenewalSort, { column: string; type: string }> = {
  payTime: { column: "booked_at", type: "timestamptz" },
  amount: { column: "amount_fen", type: "int" },
  park: { column: "park_id", type: "text" },
};

/**
 * One status's syncs (never SYNCED: the partial index's predicate, spelled out so every plan may use
 * it) inside the days $2 (from, inclusive) … $3 (to, exclusive) and in park $4, each null for none.
 */
const MATCHING = `status = $1::"SyncStatus" AND status <> 'SYNCED'
  AND ($2::timestamptz IS NULL OR booked_at >= $2::timestamptz) AND ($3::timestamptz IS NULL OR booked_at < $3::timestamptz)
  AND ($4::text IS NULL OR park_id = $4::text)`;

// Raw SQL for the row comparison after the cursor ($5, $6), which Prisma cannot write.
function roundSql(sort: RenewalSort, dir: SortDir) {
  const { column, type } = SORT_COLUMNS[sort];
  return `SELECT renewal_id AS id, ${column} AS value FROM wechat_syncs
  WHERE ${MATCHING} AND ($5::${type} IS NULL OR (${column}, renewal_id) ${dir === "desc" ? "<" : ">"} ($5::${type}, $6::int))
  ORDER BY ${column} ${dir}, renewal_id ${dir} LIMIT $7::int`;
}
const ROUND_SQL = Object.fromEntries(
  (Object.keys(SORT_COLUMNS) as RenewalSort[]).map((sort) => [sort, { desc: roundSql(sort, "desc"), asc: roundSql(sort, "asc") }]),
) as Record<RenewalSort, Record<SortDir, string>>;

/** Exact while no filter but the status, the days and the park: the syncs' copies alone. */
const TOTALS_SQL = `SELECT count(*)::int AS n, coalesce(sum(amount_fen), 0)::bigint AS amount FROM (SELECT amount_fen FROM wechat_syncs WHERE ${MATCHING} LIMIT $5::int) AS s`;

/** The query's days, as MATCHING's $2 and $3, and its park, as $4. */
function matchingParams(query: Pick<RenewalsQuery, "from" | "to" | "park">): [Date | null, Date | null, string | null] {
  const booked = dayRange(query.from, query.to);
  return [booked?.gte ?? null, booked?.lt ?? null, query.park ?? null];
}

/** The status's renewal ids in the sort's (value, id) order from `from` (exclusive), in growing rounds, inside the query's days and park. */
async function* idRounds(
  db: Db,
  query: Pick<RenewalsQuery, "from" | "to" | "park"> & { sync: SyncStatus; sort: RenewalSort },
  dir: SortDir,
  from: Position | null,
  first = FIRST_ROUND,
) {
  const matching = matchingParams(query);
  for (let position = from, size = first; ; size = Math.min(size * 2, MAX_ROUND)) {
    const { rows } = await sqlOf(db).query<Position>(ROUND_SQL[query.sort][dir], [query.sync, ...matching, position?.value ?? null, position?.id ?? null, size]);
    if (rows.length) yield rows.map((row) => row.id);
    if (rows.length < size) return;
    position = rows[rows.length - 1];
  }
}

/**
 * Up to perPage + 1 renewals after the query's cursor in the list's order (reversed when reading
 * backwards, as keysetRows reads), with the sync status and the other filters (`where`) applied.
 */
export async function rareSyncStatusRows<T>(
  db: Db,
  query: RenewalsQuery & { sync: SyncStatus },
  col: KeysetColumn,
  where: Prisma.RenewalWhereInput,
  find: (args: KeysetFindArgs) => Promise<T[]>,
): Promise<T[]> {
  const backwards = isBackwards(query);
  const readDir: SortDir = backwards ? (query.dir === "desc" ? "asc" : "desc") : query.dir;
  const cursor: Cursor | undefined = query.after ?? query.before;
  const from = cursor ? { value: query.sort === "payTime" ? new Date(cursor.value) : cursor.value, id: cursor.id } : null;
  const orderBy = keysetOrder(col, query.dir, backwards);
  const take = query.perPage + 1;
  const rows: T[] = [];
  for await (const ids of idRounds(db, query, readDir, from)) {
    rows.push(...(await find({ where: { AND: [where, { id: { in: ids } }] }, orderBy, take: take - rows.length })));
    if (rows.length >= take) break;
  }
  return rows;
}

/**
 * Count and amount of the status's renewals matching `where`, stopping once more than `cap` are
 * counted. `onlySyncColumns`: no filter but the status, the days and the park, so the syncs' copies
 * alone give the totals (the usual "all failed", or "failed in this park", view: no renewal is read).
 */
export async function rareSyncStatusTotals(db: Db, query: RenewalsQuery & { sync: SyncStatus }, where: Prisma.RenewalWhereInput, cap: number, onlySyncColumns: boolean) {
  if (onlySyncColumns) {
    const { rows } = await sqlOf(db).query<{ n: number; amount: string }>(TOTALS_SQL, [query.sync, ...matchingParams(query), cap + 1]);
    return { count: rows[0].n, amountFen: Number(rows[0].amount) };
  }
  let count = 0;
  let amountFen = 0;
  for await (const ids of idRounds(db, { ...query, sort: "payTime" }, "desc", null, 2_000)) {
    const round = await db.renewal.aggregate({ where: { AND: [where, { id: { in: ids } }] }, _count: { _all: true }, _sum: { amountFen: true } });
    count += round._count._all;
    amountFen += round._sum.amountFen ?? 0;
    if (count > cap) break;
  }
  return { count, amountFen };
}
