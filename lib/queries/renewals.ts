import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma, SyncStatus } from "@/lib/generated/prisma";
import { keysetPage, keysetRows, type KeysetFindArgs } from "@/lib/list/keyset";
import { rareSyncStatusRows, rareSyncStatusTotals } from "@/lib/queries/renewals-by-sync";
import { RENEWAL_SORTS, renewalSortValue, renewalsWhere } from "@/lib/queries/renewals-filter";
import { renewalsParams, type RenewalsQuery } from "@/lib/validations/renewals";

/** The columns a renewals list row shows; the CSV export writes the same rows. */
export const renewalListSelect = {
  id: true,
  bookedAt: true,
  payTime: true,
  parkId: true,
  carNumber: true,
  licenseColor: true,
  cardId: true,
  amountFen: true,
  arriveMoneyFen: true,
  feeFen: true,
  payCompany: true,
  tradeNo: true,
  outTradeNo: true,
  payState: true,
  hasConflict: true,
  sync: { select: { status: true, lastCode: true } },
} satisfies Prisma.RenewalSelect;

/** Every status but "synced" is a small share of the syncs; "no sync" is not a status of one. */
const isRareSyncStatus = (status: RenewalsQuery["sync"]): status is SyncStatus => !!status && status !== "NONE" && status !== "SYNCED";

/**
 * Up to perPage + 1 renewals of the query's page, in its order: a keyset read of the renewals, or,
 * for a rare sync status, rounds of that status's renewal ids from the syncs' own index.
 */
export async function renewalRows<T>(db: Db, query: RenewalsQuery, find: (args: KeysetFindArgs) => Promise<T[]>): Promise<T[]> {
  const col = RENEWAL_SORTS[query.sort];
  const { sync } = query;
  return isRareSyncStatus(sync)
    ? rareSyncStatusRows(db, { ...query, sync }, col, renewalsWhere({ ...query, sync: undefined }), find)
    : keysetRows(find, col, query, renewalsWhere(query));
}

/**
 * One page of renewals by keyset on the chosen sort, (column, id): an index range scan however
 * deep the page, and no count(*) over millions of rows. One extra row tells whether there is more.
 */
export async function listRenewals(db: Db, query: RenewalsQuery) {
  const find = (args: KeysetFindArgs) => db.renewal.findMany({ ...(args as Prisma.RenewalFindManyArgs), select: renewalListSelect });
  const rows = await renewalRows(db, query, find);
  return keysetPage(rows, query, (row) => renewalsParams.cursor(query.sort, renewalSortValue(query.sort, row), row.id));
}

/** No filter but the sync status, the days and the park (the syncs carry the renewal's pay time, park and amount). */
const onlySyncColumns = (query: RenewalsQuery) => !Object.keys(renewalsWhere({ ...query, sync: undefined, from: undefined, to: undefined, park: undefined })).length;

/**
 * The order the capped totals read rows in. A filter with a partial index in pay-time order that
 * carries the amount (failed payments, no channel, fee mismatches) is read in that order, from the
 * index alone. Anything else in id order — what Prisma picks for a capped aggregate — which walks
 * the table in the order it lies on disk: in pay-time order, "no sync" (1.5 % of ten million)
 * fetched rows scattered over the whole table, 10 s instead of 1.
 */
function totalsOrder(query: RenewalsQuery): Prisma.RenewalOrderByWithRelationInput[] {
  return query.payState === "0" || query.channel === "none" || query.mismatch ? [{ bookedAt: "desc" }, { id: "desc" }] : [{ id: "asc" }];
}

/** Counting stops here: past it the page says "10,000+" instead of reading every matching row. */
export const TOTALS_CAP = 10_000;

/** Count and amount of the first TOTALS_CAP + 1 renewals matching the query, in totalsOrder. */
async function cappedTotals(db: Db, query: RenewalsQuery) {
  const result = await db.renewal.aggregate({
    where: renewalsWhere(query),
    orderBy: totalsOrder(query),
    take: TOTALS_CAP + 1,
    _count: { _all: true },
    _sum: { amountFen: true },
  });
  return { count: result._count._all, amountFen: result._sum.amountFen ?? 0 };
}

/**
 * Booking gives a sync to exactly the paid renewals, and sync_presence_anomalies lists every renewal
 * where that fails to hold (its migration). While it is empty, "no sync" is "state 0", read from
 * the failed payments' partial index, which carries the amount: a few ms for 10,000 of them, where
 * looking for a missing sync under every renewal took 0.6-1.0 s.
 */
async function noSyncIsUnpaid(db: Db) {
  return !(await db.syncPresenceAnomaly.findFirst({ select: { renewalId: true } }));
}

/** Count and amount of the renewals matching the query, up to a little past TOTALS_CAP. */
async function matchingTotals(db: Db, query: RenewalsQuery) {
  const { sync } = query;
  if (isRareSyncStatus(sync)) {
    return rareSyncStatusTotals(db, { ...query, sync }, renewalsWhere({ ...query, sync: undefined }), TOTALS_CAP, onlySyncColumns(query));
  }
  if (sync === "NONE" && (await noSyncIsUnpaid(db))) {
    return query.payState === "1" ? { count: 0, amountFen: 0 } : cappedTotals(db, { ...query, sync: undefined, payState: "0" });
  }
  return cappedTotals(db, query);
}

/**
 * Count and amount of the filtered renewals, exact up to TOTALS_CAP matching rows (one bounded
 * index read, a LIMIT inside the aggregate; for a rare sync status, rounds of its syncs, see
 * renewals-by-sync.ts); beyond it `capped` is true and the sum is left out.
 */
export async function renewalTotals(db: Db, query: RenewalsQuery): Promise<{ count: number; amountFen: number | null; capped: boolean }> {
  const { count, amountFen } = await matchingTotals(db, query);
  if (count > TOTALS_CAP) return { count: TOTALS_CAP, amountFen: null, capped: true };
  return { count, amountFen, capped: false };
}

export type RenewalRow = Awaited<ReturnType<typeof listRenewals>>["rows"][number];

export async function getRenewal(db: Db, id: number) {
  return db.renewal.findUnique({
    where: { id },
    include: {
      fee: true,
      conflicts: { orderBy: { receivedAt: "desc" } },
      period: { include: { card: { include: { periods: { orderBy: [{ startDate: "asc" }, { id: "asc" }] } } } } },
      sync: { include: { attempts: { orderBy: { id: "desc" }, take: 50 } } },
    },
  });
}
