// GET /api/fees/export?by=&from=&to=&park= — the fees summary as CSV (UTF-8 with BOM for Excel).
import { stringify } from "csv-stringify/sync";
import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { requireApiUser } from "@/lib/http/json";
import { getMessages } from "@/lib/i18n/server";
import { feeSummary } from "@/lib/queries/fees";
import { feesQuery } from "@/lib/validations/fees";

export const dynamic = "force-dynamic";

const yuan = (fen: number) => (fen / 100).toFixed(2);

export async function GET(request: Request) {
  const user = await requireApiUser("VIEWER");
  if (user instanceof NextResponse) return user;
  const query = feesQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [t, rows] = await Promise.all([getMessages(), feeSummary(getDb(), query)]);
  const f = t.fees;
  const channel = (value: number | null) => (value === null ? "" : t.renewals.channels[String(value) as "0" | "1"]);
  const csv = stringify([
    [f.period, f.park, f.channel, f.count, f.paid, f.arrived, f.fee, f.mismatch],
    ...rows.map((r) => [r.period, r.parkId, channel(r.payCompany), r.count, yuan(r.paidFen), yuan(r.arrivedFen), yuan(r.feeFen), r.mismatched]),
  ]);
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="fees-${query.by}-${query.from}-${query.to}.csv"`,
      "cache-control": "no-store",
    },
  });
}
