// POST /api/bench/baseline-route — the bench's bare baseline handler (bench/baseline-handler.ts)
// served through Next's route layer on the app's pool: the ceiling a Next route handler can reach
// for the callback's work. 404 unless the bench started the app (BENCH_EMPTY_ROUTE=on).
import { handleBaseline, type BaselineAnswer } from "@/bench/baseline-handler";
import { getDb, sqlOf } from "@/lib/db/client";

export const dynamic = "force-dynamic";

const UNAVAILABLE: BaselineAnswer = { state: 0, trade_no: "", errmsg: "temporarily unavailable, please retry" };

export async function POST(request: Request) {
  if (process.env.BENCH_EMPTY_ROUTE !== "on") return new Response('{"error":"not found"}', { status: 404, headers: { "content-type": "application/json" } });
  const body = await request.text();
  const answer = await handleBaseline(sqlOf(getDb()), body, null).catch(() => UNAVAILABLE);
  return new Response(JSON.stringify(answer), { headers: { "content-type": "application/json", "cache-control": "no-store" } });
}
