import "server-only";
import type { Db } from "@/lib/db/client";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import { feeSummary, type FeeRow } from "@/lib/queries/fees";
import type { FeesQuery } from "@/lib/validations/fees";
import { csvFilename, type CsvColumn } from "@/lib/export/csv";
import { parkNames, yuan } from "@/lib/export/values";

type Row = FeeRow & { parkName: string | null };

/** One batch: the summary is a few rows per day and park, already grouped by the database. */
async function* batches(db: Db, query: FeesQuery): AsyncGenerator<Row[]> {
  const rows = await feeSummary(db, query);
  const names = await parkNames(db, rows.map((row) => row.parkId));
  yield rows.map((row) => ({ ...row, parkName: names.get(row.parkId) ?? null }));
}

export function feesExport(db: Db, query: FeesQuery, t: Messages) {
  const f = t.fees;
  const channels = t.renewals.channels;
  const columns: CsvColumn<Row>[] = [
    // "2026-11" would become a date in Excel; as text it stays the period it names.
    { header: f.period, value: (row) => row.period },
    { header: f.park, value: (row) => row.parkId },
    { header: t.exports.parkName, value: (row) => row.parkName },
    { header: f.channel, value: (row) => (row.payCompany === null ? null : channels[String(row.payCompany) as "0" | "1"] ?? channels.unknown) },
    { header: f.count, kind: "number", value: (row) => row.count },
    { header: f.paid, kind: "number", value: (row) => yuan(row.paidFen) },
    { header: f.arrived, kind: "number", value: (row) => yuan(row.arrivedFen) },
    { header: f.fee, kind: "number", value: (row) => yuan(row.feeFen) },
    { header: f.mismatch, kind: "number", value: (row) => row.mismatched },
  ];
  const filename = csvFilename("fees", [query.by, query.from, query.to, query.park && `park-${query.park}`]);
  return { filename, columns, batches: batches(db, query) };
}
