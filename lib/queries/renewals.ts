import "server-only";
import { renewalsWhere, renewalsOrder } from "@/lib/queries/renewals-filter";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma";
import { encodeCursor, type ListRenewalsQuery } from "@/lib/validations/renewals";

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

/**
 * One page of renewals by keyset (booked_at, id): an index range scan however deep the page,
 * and no count(*) over millions of rows. One extra row tells whether there is a next page.
 */
export async function listRenewals(db: Db, query: ListRenewalsQuery) {
  const backwards = !!query.before && !query.after;
  const rows = await db.renewal.findMany({
    where: renewalsWhere(query),
    orderBy: renewalsOrder(query.dir, backwards),
    take: query.perPage + 1,
    select: renewalListSelect,
  });
  const more = rows.length > query.perPage;
  const page = rows.slice(0, query.perPage);
  if (backwards) page.reverse();
  const hasNext = backwards ? true : more;
  const hasPrev = backwards ? more : !!query.after;
  return {
    rows: page,
    next: hasNext && page.length ? encodeCursor(page[page.length - 1]) : null,
    prev: hasPrev && page.length ? encodeCursor(page[0]) : null,
  };
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
