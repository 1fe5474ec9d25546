// The WeChat sync list's filters and sorts → Prisma where/orderBy. Pure, so the mapping is
// unit-tested; shared by the list, its export and "resend all matching".
import type { Prisma } from "@/lib/generated/prisma";
import { dayRange } from "@/lib/list/dates";
import type { KeysetColumn } from "@/lib/list/keyset";
import { textSearch } from "@/lib/list/search";
import type { SyncSort, SyncsQuery } from "@/lib/validations/syncs";

/**
 * lastAttempt is updated_at (every attempt's outcome, a mapping failure and a resend write it),
 * on the (updated_at, id) index; payTime is the renewal's booked_at, on its (booked_at, id) index,
 * with the renewal's id as tiebreak (one sync per renewal).
 */
export const SYNC_SORTS: Record<SyncSort, KeysetColumn> = {
  lastAttempt: { column: "updatedAt" },
  payTime: { column: "bookedAt", relation: "renewal" },
};

/** The cursor (value, id) of a row for the list's sort: the id is the one the sort's tiebreak uses. */
export function syncSortKey(sort: SyncSort, row: { id: number; updatedAt: Date; renewal: { id: number; bookedAt: Date } }) {
  return sort === "payTime" ? { value: row.renewal.bookedAt, id: row.renewal.id } : { value: row.updatedAt, id: row.id };
}

export type SyncsFilter = Partial<Pick<SyncsQuery, "status" | "code" | "park" | "from" | "to" | "q">>;

export function syncsWhere(query: SyncsFilter): Prisma.WechatSyncWhereInput {
  const and: Prisma.WechatSyncWhereInput[] = [];
  if (query.status) and.push({ status: query.status });
  if (query.code) and.push({ lastCode: query.code });
  const renewal: Prisma.RenewalWhereInput[] = [];
  if (query.park) renewal.push({ parkId: query.park });
  // The payment's day (China time), as on the renewals page.
  const booked = dayRange(query.from, query.to);
  if (booked) renewal.push({ bookedAt: booked });
  if (query.q) renewal.push(textSearch(query.q, ["carNumber", "cardId", "tradeNo", "outTradeNo"], "carNumber") as Prisma.RenewalWhereInput);
  if (renewal.length) and.push({ renewal: { is: renewal.length === 1 ? renewal[0] : { AND: renewal } } });
  return and.length === 1 ? and[0] : and.length ? { AND: and } : {};
}
