// GET /api/health — for load balancers and monitors. Anyone gets the status only: 200
// {"status":"ok"} or 503 {"status":"unavailable"} (the database is unreachable). The details
// (versions, worker, queue, pause) need METRICS_TOKEN as a bearer token or a signed-in admin.
// A stalled worker or a lagging queue does not take this instance out of the pool, where it
// still books callbacks (alert on them via /api/metrics).
import { NextResponse } from "next/server";
import { hasRole } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";
import { getDb, sqlOf } from "@/lib/db/client";
import { env } from "@/lib/env";
import { metricsAccess } from "@/lib/metrics/access";
import { workerHealth } from "@/lib/sync/heartbeat";
import { queueStats } from "@/lib/sync/queue-stats";
import pkg from "@/package.json";

export const dynamic = "force-dynamic";

const headers = { "cache-control": "no-store" };

export async function GET(request: Request) {
  if (!(await mayReadDetails(request))) {
    try {
      await sqlOf(getDb()).query("SELECT 1");
      return NextResponse.json({ status: "ok" }, { headers });
    } catch {
      return NextResponse.json({ status: "unavailable" }, { status: 503, headers });
    }
  }
  const started = performance.now();
  const worker = workerHealth(env().SYNC_WORKER);
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
      { status: "unavailable", version: pkg.version, database: { status: "unreachable" }, worker },
      { status: 503, headers },
    );
  }
}

async function mayReadDetails(request: Request): Promise<boolean> {
  if (metricsAccess(request.headers.get("authorization"), env().METRICS_TOKEN) === "ok") return true;
  // Only a request that carries a session cookie costs a session lookup (probes carry none).
  if (!/next-auth\.session-token=/.test(request.headers.get("cookie") ?? "")) return false;
  const user = await getSessionUser().catch(() => null);
  return !!user && hasRole(user.role, "ADMIN");
}
