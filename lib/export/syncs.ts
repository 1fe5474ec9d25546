import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma";
import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import { syncErrorText } from "@/lib/i18n/sync-error";
import { syncsWhere } from "@/lib/queries/syncs-filter";
import type { SyncsQuery } from "@/lib/validations/syncs";
import { csvFilename, type CsvColumn } from "@/lib/export/csv";
import { dateRange, parkNames, yuan } from "@/lib/export/values";

const BATCH = 2000;

const select = {
  id: true,
  status: true,
  attemptCount: true,
  nextAttemptAt: true,
  lastHttpStatus: true,
  lastCode: true,
  lastError: true,
  syncedAt: true,
  renewal: { select: { parkId: true, carNumber: true, cardId: true, tradeNo: true, outTradeNo: true, amountFen: true, payTime: true, bookedAt: true } },
} satisfies Prisma.WechatSyncSelect;

type Row = Prisma.WechatSyncGetPayload<{ select: typeof select }> & { parkName: string | null };

/** Every sync matching the page's filters, newest first, by id keyset. */
async function* batches(db: Db, query: SyncsQuery): AsyncGenerator<Row[]> {
  let after: number | undefined;
  for (;;) {
    const rows = await db.wechatSync.findMany({ where: after ? { AND: [syncsWhere(query), { id: { lt: after } }] } : syncsWhere(query), orderBy: { id: "desc" }, take: BATCH, select });
    const names = await parkNames(db, rows.map((row) => row.renewal.parkId));
    yield rows.map((row) => ({ ...row, parkName: names.get(row.renewal.parkId) ?? null }));
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1].id;
  }
}

export function syncsExport(db: Db, query: SyncsQuery, t: Messages) {
  const r = t.renewals;
  const s = t.sync;
  const columns: CsvColumn<Row>[] = [
    { header: r.payTime, kind: "date", value: (row) => formatDateTime(row.renewal.payTime ?? row.renewal.bookedAt) },
    { header: r.park, value: (row) => row.renewal.parkId },
    { header: t.exports.parkName, value: (row) => row.parkName },
    { header: r.plate, value: (row) => row.renewal.carNumber },
    { header: r.card, value: (row) => row.renewal.cardId },
    { header: r.amount, kind: "number", value: (row) => yuan(row.renewal.amountFen) },
    { header: r.tradeNo, value: (row) => row.renewal.tradeNo },
    { header: r.outTradeNo, value: (row) => row.renewal.outTradeNo },
    { header: r.syncState, value: (row) => s.statuses[row.status] },
    { header: s.attemptCount, kind: "number", value: (row) => row.attemptCount },
    { header: s.httpStatus, value: (row) => row.lastHttpStatus },
    { header: s.code, value: (row) => row.lastCode },
    { header: s.lastError, value: (row) => syncErrorText(t, row.lastError) },
    { header: s.nextAttempt, kind: "date", value: (row) => (row.status === "PENDING" || row.status === "RETRYING" ? formatDateTime(row.nextAttemptAt) : null) },
    { header: s.syncedAt, kind: "date", value: (row) => (row.syncedAt ? formatDateTime(row.syncedAt) : null) },
  ];
  const filename = csvFilename("syncs", [dateRange(query.from, query.to), query.status?.toLowerCase(), query.park && `park-${query.park}`, query.code && `code-${query.code}`]);
  return { filename, columns, batches: batches(db, query) };
}
