import "server-only";
import { chinaToday, EXPIRING_WITHIN_DAYS } from "@/lib/cards/periods";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma";
import type { ListCardsQuery } from "@/lib/validations/cards";

export const CARD_PAGE_SIZE = 50;

export function cardsWhere(query: ListCardsQuery, today = chinaToday()): Prisma.MonthCardWhereInput {
  const soon = new Date(today.getTime() + EXPIRING_WITHIN_DAYS * 86_400_000);
  const and: Prisma.MonthCardWhereInput[] = [];
  if (query.status === "expiring") and.push({ periodEnd: { gte: today, lte: soon } });
  if (query.status === "active") and.push({ periodEnd: { gt: soon } });
  if (query.status === "expired") and.push({ periodEnd: { lt: today } });
  if (query.park) and.push({ parkId: query.park });
  if (query.q) and.push({ OR: [{ carNumber: query.q }, { cardId: query.q }] });
  if (query.after) {
    const { end, id } = query.after;
    and.push({ OR: [{ periodEnd: { gt: end } }, { periodEnd: end, id: { gt: id } }] });
  }
  return and.length ? { AND: and } : {};
}

/** Cards by the day their period ends, soonest first: the order an operator chases renewals in. */
export async function listCards(db: Db, query: ListCardsQuery) {
  const rows = await db.monthCard.findMany({
    // Cards whose notices carried no start/end dates have no period to list here.
    where: { ...cardsWhere(query), periodEnd: { not: null } },
    orderBy: [{ periodEnd: "asc" }, { id: "asc" }],
    take: CARD_PAGE_SIZE + 1,
  });
  const page = rows.slice(0, CARD_PAGE_SIZE);
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > CARD_PAGE_SIZE && last?.periodEnd ? `${last.periodEnd.toISOString().slice(0, 10)}~${last.id}` : null };
}

export async function getCard(db: Db, id: number) {
  return db.monthCard.findUnique({
    where: { id },
    include: { periods: { include: { renewal: { select: { id: true, amountFen: true, payTime: true, tradeNo: true } } } } },
  });
}
