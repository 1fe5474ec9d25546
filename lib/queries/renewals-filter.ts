// Filters → Prisma where/orderBy for renewals. Pure, so the filter → SQL mapping is unit-tested.
import type { Prisma } from "@/lib/generated/prisma";
import type { ListRenewalsQuery } from "@/lib/validations/renewals";

/** Start of a China-time day ("2026-11-22" → 2026-11-21T16:00:00Z). */
export function shanghaiDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

export function renewalsWhere(query: Partial<ListRenewalsQuery>): Prisma.RenewalWhereInput {
  const and: Prisma.RenewalWhereInput[] = [];
  if (query.from) and.push({ bookedAt: { gte: shanghaiDayStart(query.from) } });
  if (query.to) and.push({ bookedAt: { lt: new Date(shanghaiDayStart(query.to).getTime() + 86_400_000) } });
  if (query.park) and.push({ parkId: query.park });
  // Exact matches, each on its own index (a bitmap OR), so a search stays fast at millions of rows.
  if (query.q) and.push({ OR: [{ carNumber: query.q }, { cardId: query.q }, { tradeNo: query.q }, { outTradeNo: query.q }] });
  if (query.channel !== undefined) and.push({ payCompany: query.channel });
  if (query.payState !== undefined) and.push({ payState: query.payState });
  if (query.sync === "NONE") and.push({ sync: { is: null } });
  else if (query.sync) and.push({ sync: { is: { status: query.sync } } });
  if (query.conflict) and.push({ hasConflict: true });

  const position = query.after ?? query.before;
  if (position) {
    // Rows strictly after (or before) the cursor in the list's order.
    const forward = !!query.after;
    const descending = (query.dir ?? "desc") === "desc";
    const op = forward === descending ? "lt" : "gt";
    // The plain bound lets PostgreSQL seek the (booked_at, id) index to the cursor; the OR alone
    // is only a filter, which at row 900,000 meant reading 900,000 index entries first.
    and.push({ bookedAt: { [`${op}e`]: position.at } });
    and.push({ OR: [{ bookedAt: { [op]: position.at } }, { bookedAt: position.at, id: { [op]: position.id } }] });
  }
  return and.length ? { AND: and } : {};
}

export function renewalsOrder(dir: "asc" | "desc", backwards: boolean): Prisma.RenewalOrderByWithRelationInput[] {
  const effective = backwards ? (dir === "desc" ? "asc" : "desc") : dir;
  return [{ bookedAt: effective }, { id: effective }];
}
