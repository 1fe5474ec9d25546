// Month-card filters and sorts → Prisma where/orderBy. Pure, so the mapping is unit-tested.
import { chinaToday, EXPIRING_WITHIN_DAYS } from "@/lib/cards/periods";
import type { Prisma } from "@/lib/generated/prisma";
import type { KeysetColumn } from "@/lib/list/keyset";
import { textSearch } from "@/lib/list/search";
import type { CardSort, CardsQuery } from "@/lib/validations/cards";

/** Days left = period_end − today, so it sorts on the (period_end, id) index. */
export const CARD_SORTS: Record<CardSort, KeysetColumn> = { daysLeft: { column: "periodEnd" } };

export function cardsWhere(query: Partial<Pick<CardsQuery, "status" | "park" | "q">>, today = chinaToday()): Prisma.MonthCardWhereInput {
  const soon = new Date(today.getTime() + EXPIRING_WITHIN_DAYS * 86_400_000);
  // Cards whose notices carried no start/end dates have no period to list (or to page by).
  const and: Prisma.MonthCardWhereInput[] = [{ periodEnd: { not: null } }];
  if (query.status === "expiring") and.push({ periodEnd: { gte: today, lte: soon } });
  if (query.status === "active") and.push({ periodEnd: { gt: soon } });
  if (query.status === "expired") and.push({ periodEnd: { lt: today } });
  if (query.park) and.push({ parkId: query.park });
  if (query.q) and.push(textSearch(query.q, ["carNumber", "cardId"], "carNumber") as Prisma.MonthCardWhereInput);
  return { AND: and };
}
