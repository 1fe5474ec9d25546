// Renewals filters and sorts → Prisma where/orderBy. Pure, so the mapping is unit-tested.
import type { Prisma } from "@/lib/generated/prisma";
import { dayRange } from "@/lib/list/dates";
import type { KeysetColumn } from "@/lib/list/keyset";
import { textSearch } from "@/lib/list/search";
import type { RenewalSort, RenewalsQuery } from "@/lib/validations/renewals";

/** Each sort has a (column, id) index; "payTime" is booked_at (pay_time, else when it arrived). */
export const RENEWAL_SORTS: Record<RenewalSort, KeysetColumn> = {
  payTime: { column: "bookedAt" },
  amount: { column: "amountFen" },
  park: { column: "parkId" },
};

/** The cursor value of a row for the list's sort. */
export const renewalSortValue = (sort: RenewalSort, row: { bookedAt: Date; amountFen: number; parkId: string }) =>
  sort === "amount" ? row.amountFen : sort === "park" ? row.parkId : row.bookedAt;

export function renewalsWhere(query: Partial<RenewalsQuery>): Prisma.RenewalWhereInput {
  const and: Prisma.RenewalWhereInput[] = [];
  const booked = dayRange(query.from, query.to);
  if (booked) and.push({ bookedAt: booked });
  if (query.park) and.push({ parkId: query.park });
  if (query.q) and.push(textSearch(query.q, ["carNumber", "cardId", "tradeNo", "outTradeNo"], "carNumber") as Prisma.RenewalWhereInput);
  if (query.channel !== undefined) and.push({ payCompany: query.channel === "none" ? null : Number(query.channel) });
  if (query.payState !== undefined) and.push({ payState: Number(query.payState) });
  if (query.sync === "NONE") and.push({ sync: { is: null } });
  else if (query.sync) and.push({ sync: { is: { status: query.sync } } });
  if (query.conflict) and.push({ hasConflict: true });
  if (query.mismatch) and.push({ feeMismatch: true });
  return and.length ? { AND: and } : {};
}
