// GET /api/renewals/export?<the renewals page's filters> — the filtered renewals as a streamed CSV.
import { requireApiUser } from "@/lib/http/json";
import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { getMessages } from "@/lib/i18n/server";
import { renewalsCsv } from "@/lib/queries/renewals-csv";
import { renewalsParams } from "@/lib/validations/renewals";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const user = await requireApiUser("VIEWER");
  if (user instanceof NextResponse) return user;
  const { query } = renewalsParams.parse(Object.fromEntries(new URL(request.url).searchParams));
  const chunks = renewalsCsv(getDb(), query, await getMessages());
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const day = new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="renewals-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
