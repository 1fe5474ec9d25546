import "server-only";
import { cardStatus, chinaToday } from "@/lib/cards/periods";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma";
import { keysetPage, keysetRows, type KeysetFindArgs } from "@/lib/list/keyset";
import { CARD_SORTS, cardsWhere } from "@/lib/queries/cards-filter";
import { cardsParams, type CardsQuery } from "@/lib/validations/cards";

const cardListSelect = {
  id: true,
  parkId: true,
  cardId: true,
  carNumber: true,
  periodStart: true,
  periodEnd: true,
  renewalCount: true,
  totalPaidFen: true,
  lastRenewalAt: true,
} satisfies Prisma.MonthCardSelect;

/** One page of cards by keyset on (period_end, id); each row with its status and days left today (China time). */
export async function listCards(db: Db, query: CardsQuery) {
  const today = chinaToday();
  const find = (args: KeysetFindArgs) => db.monthCard.findMany({ ...(args as Prisma.MonthCardFindManyArgs), select: cardListSelect });
  const rows = await keysetRows(find, CARD_SORTS[query.sort], query, cardsWhere(query, today));
  const page = keysetPage(rows, query, (row) => cardsParams.cursor(query.sort, row.periodEnd!, row.id));
  return { ...page, rows: page.rows.map((row) => ({ ...row, totalPaidFen: Number(row.totalPaidFen), ...cardStatus(row.periodEnd, today) })) };
}

export type CardRow = Awaited<ReturnType<typeof listCards>>["rows"][number];

export async function getCard(db: Db, id: number) {
  return db.monthCard.findUnique({
    where: { id },
    include: { periods: { include: { renewal: { select: { id: true, amountFen: true, payTime: true, tradeNo: true } } } } },
  });
}
