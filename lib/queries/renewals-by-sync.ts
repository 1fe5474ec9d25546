// Renewals whose WeChat sync is in a rare status (failed, retrying, pending, …): read from the
// syncs' (status, booked_at, renewal_id) index in rounds, in the list's pay-time order, and only
// then through the renewals' other filters. A sync's booked_at is its renewal's (copied by a
// trigger), so the syncs' order is the list's. Reading from the renewals side instead meant
// probing a sync per renewal (0.3 % of them failed: ~16,000 probes a page), and one list of every
// failed id — 29,000 at 10 M — cost half a second in bind values alone.
import "server-only";
import { sqlOf, type Db } from "@/lib/db/client";
import type { Prisma, SyncStatus } from "@/lib/generated/prisma";
import { dayRange } from "@/lib/list/dates";
import { isBackwards, keysetOrder, type KeysetColumn, type KeysetFindArgs } from "@/lib/list/keyset";
import type { Cursor, SortDir } from "@/lib/list/params";
import type { RenewalsQuery } from "@/lib/validations/renewals";

/**
 * Renewal ids read in the first round; each round is one index range and one renewals query with
 * that many ids, and each next round reads twice as many (up to MAX_ROUND bind values), so a page
 * whose other filters match one failed renewal in hundreds still takes a handful of rounds.
 */
export const FIRST_ROUND = 500;
const MAX_ROUND = 8_000;

type Position = { at: Date; id: number };

/** One status's syncs inside the days $2 (from, inclusive) … $3 (to, exclusive), either bound null for none. */
const STATUS_IN_DAYS = `status = $1::"SyncStatus" AND ($2::timestamptz IS NULL OR booked_at >= $2::timestamptz) AND ($3::timestamptz IS NULL OR booked_at < $3::timestamptz)`;

// Raw SQL for the row comparison after the cursor ($4, $5), which Prisma cannot write and which makes the cursor an index bound.
const roundSql = (dir: SortDir) => `SELECT renewal_id AS id, booked_at AS at FROM wechat_syncs
  WHERE ${STATUS_IN_DAYS} AND ($4::timestamptz IS NULL OR (booked_at, renewal_id) ${dir === "desc" ? "<" : ">"} ($4::timestamptz, $5::int))
  ORDER BY booked_at ${dir}, renewal_id ${dir} LIMIT $6::int`;
const ROUND_SQL: Record<SortDir, string> = { desc: roundSql("desc"), asc: roundSql("asc") };

const COUNT_SQL = `SELECT count(*)::int AS n FROM (SELECT FROM wechat_syncs WHERE ${STATUS_IN_DAYS} LIMIT $4::int) AS s`;

/** The query's days as STATUS_IN_DAYS's $2 and $3. */
function dayBounds(query: Pick<RenewalsQuery, "from" | "to">): [Date | null, Date | null] {
  const booked = dayRange(query.from, query.to);
  return [booked?.gte ?? null, booked?.lt ?? null];
}

/** The status's renewal ids in (booked_at, id) order from `from` (exclusive), in growing rounds, inside the query's days. */
async function* idRounds(db: Db, status: SyncStatus, dir: SortDir, from: Position | null, query: Pick<RenewalsQuery, "from" | "to">, first = FIRST_ROUND) {
  const days = dayBounds(query);
  for (let position = from, size = first; ; size = Math.min(size * 2, MAX_ROUND)) {
    const { rows } = await sqlOf(db).query<Position>(ROUND_SQL[dir], [status, ...days, position?.at ?? null, position?.id ?? null, size]);
    if (rows.length) yield rows.map((row) => row.id);
    if (rows.length < size) return;
    position = rows[rows.length - 1];
  }
}

/**
 * Up to perPage + 1 renewals after the query's cursor in pay-time order (reversed when reading
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
  const from = cursor ? { at: new Date(cursor.value as string | number | Date), id: cursor.id } : null;
  const orderBy = keysetOrder(col, query.dir, backwards);
  const take = query.perPage + 1;
  const rows: T[] = [];
  for await (const ids of idRounds(db, query.sync, readDir, from, query)) {
    rows.push(...(await find({ where: { AND: [where, { id: { in: ids } }] }, orderBy, take: take - rows.length })));
    if (rows.length >= take) break;
  }
  return rows;
}

/**
 * Count and amount of the status's renewals matching `where`, stopping once more than `cap` are
 * counted. `onlyDays`: no filter but the status and the days, so the syncs' index alone says
 * whether the count is past the cap (the usual "all failed" view: no renewal is read then).
 */
export async function rareSyncStatusTotals(db: Db, query: RenewalsQuery & { sync: SyncStatus }, where: Prisma.RenewalWhereInput, cap: number, onlyDays: boolean) {
  if (onlyDays) {
    const { rows } = await sqlOf(db).query<{ n: number }>(COUNT_SQL, [query.sync, ...dayBounds(query), cap + 1]);
    if (rows[0].n > cap) return { count: rows[0].n, amountFen: 0 };
  }
  let count = 0;
  let amountFen = 0;
  for await (const ids of idRounds(db, query.sync, "desc", null, query, 2_000)) {
    const round = await db.renewal.aggregate({ where: { AND: [where, { id: { in: ids } }] }, _count: { _all: true }, _sum: { amountFen: true } });
    count += round._count._all;
    amountFen += round._sum.amountFen ?? 0;
    if (count > cap) break;
  }
  return { count, amountFen };
}
