import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma";
import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import { syncErrorText } from "@/lib/i18n/sync-error";
import { renewalListSelect, renewalRows } from "@/lib/queries/renewals";
import type { KeysetFindArgs } from "@/lib/list/keyset";
import type { Cursor } from "@/lib/list/params";
import { renewalSortValue } from "@/lib/queries/renewals-filter";
import type { RenewalsQuery } from "@/lib/validations/renewals";
import { csvFilename, type CsvColumn } from "@/lib/export/csv";
import { dateRange, parkNames, yuan, isoDay } from "@/lib/export/values";

const BATCH = 2000;

const select = {
  ...renewalListSelect,
  period: { select: { startDate: true, endDate: true } },
  sync: { select: { status: true, lastCode: true, lastError: true } },
} satisfies Prisma.RenewalSelect;

type Row = Prisma.RenewalGetPayload<{ select: typeof select }> & { parkName: string | null };

/** Every row matching the filters (not just one page), read by keyset so memory stays flat. */
async function* batches(db: Db, query: RenewalsQuery): AsyncGenerator<Row[]> {
  let after: Cursor | undefined;
  const find = (args: KeysetFindArgs) => db.renewal.findMany({ ...(args as Prisma.RenewalFindManyArgs), select });
  for (;;) {
    // In the page's sort, from its first row: the export ignores the page's own cursor.
    const rows = await renewalRows(db, { ...query, perPage: BATCH - 1, after, before: undefined }, find);
    const names = await parkNames(db, rows.map((row) => row.parkId));
    yield rows.map((row) => ({ ...row, parkName: names.get(row.parkId) ?? null }));
    if (rows.length < BATCH) return;
    const last = rows[rows.length - 1];
    after = { value: renewalSortValue(query.sort, last), id: last.id };
  }
}

export function renewalsExport(db: Db, query: RenewalsQuery, t: Messages) {
  const r = t.renewals;
  const columns: CsvColumn<Row>[] = [
    { header: r.payTime, kind: "date", value: (row) => formatDateTime(row.payTime ?? row.bookedAt) },
    { header: r.park, value: (row) => row.parkId },
    { header: t.exports.parkName, value: (row) => row.parkName },
    { header: r.plate, value: (row) => row.carNumber },
    { header: r.card, value: (row) => row.cardId },
    { header: t.exports.periodStart, kind: "date", value: (row) => isoDay(row.period?.startDate) },
    { header: t.exports.periodEnd, kind: "date", value: (row) => isoDay(row.period?.endDate) },
    { header: r.amount, kind: "number", value: (row) => yuan(row.amountFen) },
    { header: r.arriveMoney, kind: "number", value: (row) => yuan(row.arriveMoneyFen) },
    { header: r.fee, kind: "number", value: (row) => yuan(row.feeFen) },
    { header: r.channel, value: (row) => (row.payCompany === null ? null : r.channels[String(row.payCompany) as "0" | "1"] ?? r.channels.unknown) },
    { header: r.tradeNo, value: (row) => row.tradeNo },
    { header: r.outTradeNo, value: (row) => row.outTradeNo },
    { header: r.payState, value: (row) => r.payStates[String(row.payState) as "0" | "1"] },
    { header: r.syncState, value: (row) => t.sync.statuses[row.sync?.status ?? "NONE"] },
    { header: t.sync.code, value: (row) => row.sync?.lastCode },
    { header: t.sync.lastError, value: (row) => syncErrorText(t, row.sync?.lastError ?? null) },
    { header: r.conflict, value: (row) => (row.hasConflict ? t.exports.yes : null) },
  ];
  const filename = csvFilename("renewals", [dateRange(query.from, query.to), query.park && `park-${query.park}`, query.sync && query.sync.toLowerCase(), query.q && `q-${query.q}`]);
  return { filename, columns, batches: batches(db, query) };
}
