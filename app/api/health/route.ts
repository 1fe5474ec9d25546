// GET /api/health — for load balancers and monitors: no auth, no secrets.
import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import pkg from "@/package.json";

export async function GET() {
  const started = performance.now();
  try {
    const [row] = await getDb().$queryRaw<{ version: string }[]>`SELECT current_setting('server_version') AS version`;
    return NextResponse.json({
      status: "ok",
      version: pkg.version,
      database: { status: "ok", serverVersion: row.version, latencyMs: Math.round(performance.now() - started) },
    });
  } catch {
    return NextResponse.json({ status: "degraded", version: pkg.version, database: { status: "unreachable" } }, { status: 503 });
  }
}
