// GET /api/metrics — the Prometheus scrape target; volumes and vendors' failures are not public, so a bearer token guards it.
import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { metricsAccess } from "@/lib/metrics/access";
import { scrapeMetrics } from "@/lib/metrics/scrape";

export const dynamic = "force-dynamic";

const noStore = { "cache-control": "no-store" };

export async function GET(request: Request) {
  const access = metricsAccess(request.headers.get("authorization"), env().METRICS_TOKEN);
  if (access === "disabled") return NextResponse.json({ error: "not found" }, { status: 404, headers: noStore });
  if (access === "unauthorized") {
    return NextResponse.json(
      { error: "unauthorized" },
      { status: 401, headers: { ...noStore, "www-authenticate": 'Bearer realm="metrics"' } },
    );
  }
  try {
    const { contentType, body } = await scrapeMetrics(getDb());
    return new Response(body, { headers: { ...noStore, "content-type": contentType } });
  } catch (error) {
    log.error({ err: error }, "metrics scrape failed");
    return NextResponse.json({ error: "metrics unavailable" }, { status: 500, headers: noStore });
  }
}
