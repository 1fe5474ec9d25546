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
 * Past this many syncs in one status, its renewals are dense enough to find in pay-time order. The
 * ids travel as bind values, and Prisma allows at most 32,766 in one PostgreSQL statement.
 */
export const SYNC_STATUS_ID_CAP = 30_000;

/**
 * The Prisma filter for a renewals query. A sync-status filter is a join PostgreSQL runs from the
 * renewals side, in the list's order, probing each renewal's sync: fine for "synced" (most rows),
 * but "failed" — a few thousand of a million — meant probing ~30,000 syncs per page (2–4 s at
 * 1 M). A status that rare is read from the syncs' status index first and filtered by id.
 */
export async function resolveRenewalsWhere(db: Db, query: Partial<RenewalsQuery>): Promise<Prisma.RenewalWhereInput> {
  const status = query.sync;
  if (!isRareSyncStatus(status)) return renewalsWhere(query);
  // An index-only read of (status, booked_at, renewal_id), never a sort of the syncs.
  const syncs = await db.wechatSync.findMany({ where: { status }, select: { renewalId: true }, orderBy: { bookedAt: "asc" }, take: SYNC_STATUS_ID_CAP + 1 });
  if (syncs.length > SYNC_STATUS_ID_CAP) return renewalsWhere(query);
  const where = renewalsWhere({ ...query, sync: undefined });
  return { AND: [where, { id: { in: syncs.map((sync) => sync.renewalId) } }] };
}

/**
 * One page of renewals by keyset on the chosen sort, (column, id): an index range scan however
 * deep the page, and no count(*) over millions of rows. One extra row tells whether there is more.
 */
export async function listRenewals(db: Db, query: RenewalsQuery) {
  const find = (args: KeysetFindArgs) => db.renewal.findMany({ ...(args as Prisma.RenewalFindManyArgs), select: renewalListSelect });
  const col = RENEWAL_SORTS[query.sort];
  const { sync } = query;
  // The default sort with a rare sync status: rounds of ids in the syncs' own pay-time order.
  const rows =
    isRareSyncStatus(sync) && query.sort === "payTime"
      ? await rareSyncStatusRows(db, { ...query, sync }, col, renewalsWhere({ ...query, sync: undefined }), find)
      : await keysetRows(find, col, query, await resolveRenewalsWhere(db, query));
  return keysetPage(rows, query, (row) => renewalsParams.cursor(query.sort, renewalSortValue(query.sort, row), row.id));
}

/** No filter but the sync status and the days (the syncs carry the renewal's pay time). */
const onlyDays = (query: RenewalsQuery) => !Object.keys(renewalsWhere({ ...query, sync: undefined, from: undefined, to: undefined })).length;

/** Counting stops here: past it the page says "10,000+" instead of reading every matching row. */
export const TOTALS_CAP = 10_000;

/**
 * Count and amount of the filtered renewals, exact up to TOTALS_CAP matching rows (one bounded
 * index read, a LIMIT inside the aggregate; for a rare sync status, rounds of its syncs, see
 * renewals-by-sync.ts); beyond it `capped` is true and the sum is left out.
 */
export async function renewalTotals(db: Db, query: RenewalsQuery): Promise<{ count: number; amountFen: number | null; capped: boolean }> {
  const { sync } = query;
  const { count, amountFen } = isRareSyncStatus(sync)
    ? await rareSyncStatusTotals(db, { ...query, sync }, renewalsWhere({ ...query, sync: undefined }), TOTALS_CAP, onlyDays(query))
    : await db.renewal
        .aggregate({ where: renewalsWhere(query), take: TOTALS_CAP + 1, _count: { _all: true }, _sum: { amountFen: true } })
        .then((result) => ({ count: result._count._all, amountFen: result._sum.amountFen ?? 0 }));
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
