// POST /api/bench/empty-route — the bench's measure of Next's route layer alone: reads the body
// and answers a fixed state 1, nothing else. 404 unless the bench started the app
// (BENCH_EMPTY_ROUTE=on), so it does nothing in production.
export const dynamic = "force-dynamic";

const ANSWER = '{"state":1,"trade_no":"empty"}';

export async function POST(request: Request) {
  if (process.env.BENCH_EMPTY_ROUTE !== "on") return new Response('{"error":"not found"}', { status: 404, headers: { "content-type": "application/json" } });
  await request.text();
  return new Response(ANSWER, { headers: { "content-type": "application/json", "cache-control": "no-store" } });
}
