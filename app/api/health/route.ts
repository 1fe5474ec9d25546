// GET /api/health — for load balancers and monitors: no auth, no secrets. Only an unreachable
// database answers 503; a stalled worker or a lagging queue is reported but does not take this
// instance out of the pool, where it still books callbacks (alert on them via /api/metrics).
import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { workerHealth } from "@/lib/sync/heartbeat";
import { queueStats } from "@/lib/sync/queue-stats";
import pkg from "@/package.json";

export const dynamic = "force-dynamic";

export async function GET() {
  const started = performance.now();
  const worker = workerHealth(env().SYNC_WORKER);
  const headers = { "cache-control": "no-store" };
  try {
    const [row] = await getDb().$queryRaw<{ version: string }[]>`SELECT current_setting('server_version') AS version`;
    const latencyMs = Math.round(performance.now() - started);
    const queue = await queueStats(getDb());
    return NextResponse.json(
      {
        status: "ok",
        version: pkg.version,
        database: { status: "ok", serverVersion: row.version, latencyMs },
        worker,
        queue: { due: queue.due, lagSeconds: queue.lagSeconds, paused: queue.paused },
      },
      { headers },
    );
  } catch {
    return NextResponse.json(
      { status: "degraded", version: pkg.version, database: { status: "unreachable" }, worker },
      { status: 503, headers },
    );
  }
}
