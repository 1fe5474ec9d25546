import "server-only";
import { stringify } from "csv-stringify/sync";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma";
import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import { renewalListSelect } from "@/lib/queries/renewals";
import { keysetArgs } from "@/lib/list/keyset";
import type { Cursor } from "@/lib/list/params";
import { RENEWAL_SORTS, renewalSortValue, renewalsWhere } from "@/lib/queries/renewals-filter";
import type { RenewalsQuery } from "@/lib/validations/renewals";

const BATCH = 2000;
const yuan = (fen: number | null) => (fen === null ? "" : (fen / 100).toFixed(2));

/**
 * Every row matching the filters (not just one page), as CSV text chunks: a UTF-8 BOM so Excel
 * reads Chinese correctly, then batches fetched by keyset so memory stays flat for any size.
 */
export async function* renewalsCsv(db: Db, query: RenewalsQuery, t: Pick<Messages, "renewals" | "sync">): AsyncGenerator<string> {
  const r = t.renewals;
  yield "\uFEFF";
  yield stringify([[r.payTime, r.park, r.plate, r.card, r.amount, r.arriveMoney, r.fee, r.channel, r.tradeNo, r.outTradeNo, r.payState, r.syncState]]);
  let after: Cursor | undefined;
  for (;;) {
    // In the page's order, from the first row: the export ignores the page's own cursor.
    const args = keysetArgs(RENEWAL_SORTS[query.sort], { dir: query.dir, perPage: BATCH - 1, after }, renewalsWhere(query));
    const rows = await db.renewal.findMany({ ...(args as { where: Prisma.RenewalWhereInput }), select: renewalListSelect });
    if (!rows.length) return;
    yield stringify(
      rows.map((row) => [
        formatDateTime(row.payTime ?? row.bookedAt),
        row.parkId,
        row.carNumber ?? "",
        row.cardId ?? "",
        yuan(row.amountFen),
        yuan(row.arriveMoneyFen),
        yuan(row.feeFen),
        row.payCompany === null ? "" : r.channels[String(row.payCompany) as "0" | "1"],
        row.tradeNo ?? "",
        row.outTradeNo ?? "",
        r.payStates[String(row.payState) as "0" | "1"],
        t.sync.statuses[row.sync?.status ?? "NONE"],
      ]),
      // Excel runs cells starting with = + - @ as formulas; a leading quote keeps them text.
      { cast: { string: (value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value) } },
    );
    if (rows.length < BATCH) return;
    const last = rows[rows.length - 1];
    after = { value: renewalSortValue(query.sort, last), id: last.id };
  }
}
