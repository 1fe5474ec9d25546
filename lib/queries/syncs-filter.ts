// The WeChat sync list's filters and sorts → Prisma where/orderBy. Pure, so the mapping is
// unit-tested; shared by the list, its export and "resend all matching".
import type { Prisma } from "@/lib/generated/prisma";
import { dayRange } from "@/lib/list/dates";
import type { KeysetColumn } from "@/lib/list/keyset";
import { textSearch } from "@/lib/list/search";
import type { SyncSort, SyncsQuery } from "@/lib/validations/syncs";

/**
 * lastAttempt is updated_at (every attempt's outcome, a mapping failure and a resend write it);
 * payTime is the sync's copy of its renewal's booked_at. Each on its own (column, id) index.
 */
export const SYNC_SORTS: Record<SyncSort, KeysetColumn> = {
  lastAttempt: { column: "updatedAt" },
  payTime: { column: "bookedAt" },
};

/** The cursor value of a row for the list's sort. */
export const syncSortValue = (sort: SyncSort, row: { updatedAt: Date; bookedAt: Date }) => (sort === "payTime" ? row.bookedAt : row.updatedAt);

export type SyncsFilter = Partial<Pick<SyncsQuery, "status" | "code" | "park" | "from" | "to" | "q">>;

/** Outside SYNCED every sync carries its renewal's park (a CHECK says so): no join per sync then. */
const syncCarriesPark = (query: SyncsFilter) => !!query.status && query.status !== "SYNCED";

/** Whether the filter asks about each sync's renewal: a search, or a park across statuses or in SYNCED. */
export const filtersByRenewal = (query: SyncsFilter) => !!query.q || (!!query.park && !syncCarriesPark(query));

export function syncsWhere(query: SyncsFilter): Prisma.WechatSyncWhereInput {
  const and: Prisma.WechatSyncWhereInput[] = [];
  if (query.status) and.push({ status: query.status });
  if (query.code) and.push({ lastCode: query.code });
  // The payment's day (China time), as on the renewals page, on the sync's own copy of it.
  const booked = dayRange(query.from, query.to);
  if (booked) and.push({ bookedAt: booked });
  const renewal: Prisma.RenewalWhereInput[] = [];
  if (query.park && syncCarriesPark(query)) and.push({ parkId: query.park });
  else if (query.park) renewal.push({ parkId: query.park });
  if (query.q) renewal.push(textSearch(query.q, ["carNumber", "cardId", "tradeNo", "outTradeNo"], "carNumber") as Prisma.RenewalWhereInput);
  if (renewal.length) and.push({ renewal: { is: renewal.length === 1 ? renewal[0] : { AND: renewal } } });
  return and.length === 1 ? and[0] : and.length ? { AND: and } : {};
}
