import "server-only";
import { cardStatus, chinaToday } from "@/lib/cards/periods";
import type { Db } from "@/lib/db/client";
import type { MonthCard, Prisma } from "@/lib/generated/prisma";
import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import { keysetRows, type KeysetFindArgs } from "@/lib/list/keyset";
import type { Cursor } from "@/lib/list/params";
import { CARD_SORTS, cardsWhere } from "@/lib/queries/cards-filter";
import type { CardsQuery } from "@/lib/validations/cards";
import { csvFilename, type CsvColumn } from "@/lib/export/csv";
import { isoDay, parkNames, yuan } from "@/lib/export/values";

const BATCH = 2000;

type Row = MonthCard & { parkName: string | null };

/** Cards in the page's order (by days left, soonest first unless asked otherwise), by (period_end, id) keyset. */
async function* batches(db: Db, query: CardsQuery): AsyncGenerator<Row[]> {
  const today = chinaToday();
  let after: Cursor | undefined;
  for (;;) {
    const find = (args: KeysetFindArgs) => db.monthCard.findMany(args as Prisma.MonthCardFindManyArgs);
    const rows = (await keysetRows(find, CARD_SORTS[query.sort], { dir: query.dir, perPage: BATCH, after }, cardsWhere(query, today))).slice(0, BATCH);
    const names = await parkNames(db, rows.map((row) => row.parkId));
    yield rows.map((row) => ({ ...row, parkName: names.get(row.parkId) ?? null }));
    const last = rows[rows.length - 1];
    if (rows.length < BATCH || !last.periodEnd) return;
    after = { value: last.periodEnd, id: last.id };
  }
}

/** The card list as filtered; `status=expiring` is the "cards expiring soon" list an operator chases. */
export function cardsExport(db: Db, query: CardsQuery, t: Messages) {
  const c = t.cards;
  const today = chinaToday();
  const columns: CsvColumn<Row>[] = [
    { header: c.park, value: (row) => row.parkId },
    { header: t.exports.parkName, value: (row) => row.parkName },
    { header: c.card, value: (row) => row.cardId },
    { header: c.plate, value: (row) => row.carNumber },
    { header: t.exports.periodStart, kind: "date", value: (row) => isoDay(row.periodStart) },
    { header: t.exports.periodEnd, kind: "date", value: (row) => isoDay(row.periodEnd) },
    { header: c.daysLeft, kind: "number", value: (row) => cardStatus(row.periodEnd, today).daysLeft },
    { header: c.status, value: (row) => c.statuses[cardStatus(row.periodEnd, today).status] },
    { header: c.renewals, kind: "number", value: (row) => row.renewalCount },
    { header: c.totalPaid, kind: "number", value: (row) => yuan(row.totalPaidFen) },
    { header: c.lastRenewal, kind: "date", value: (row) => formatDateTime(row.lastRenewalAt) },
  ];
  const filename = csvFilename("cards", [query.status ?? "all", isoDay(today), query.park && `park-${query.park}`, query.q && `q-${query.q}`]);
  return { filename, columns, batches: batches(db, query) };
}
