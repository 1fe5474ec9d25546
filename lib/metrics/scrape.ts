// One scrape: the queue read from PostgreSQL now, then every metric in the text format.
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics/registry";
import { queueStats } from "@/lib/sync/queue-stats";

export async function scrapeMetrics(db: Db): Promise<{ contentType: string; body: string }> {
  const m = metrics();
  try {
    const stats = await queueStats(db);
    m.queueDepth.set({ status: "pending" }, stats.pending);
    m.queueDepth.set({ status: "retrying" }, stats.retrying);
    m.queueDepth.set({ status: "failed" }, stats.failed);
    m.queueDepth.set({ status: "unverified" }, stats.unverified);
    m.queueDue.set(stats.due);
    m.queueLag.set(stats.lagSeconds);
    m.paused.set(stats.paused ? 1 : 0);
    m.databaseUp.set(1);
  } catch (error) {
    // Stale queue numbers would look healthy: drop them and say why.
    for (const gauge of [m.queueDepth, m.queueDue, m.queueLag, m.paused]) gauge.reset();
    m.databaseUp.set(0);
    log.warn({ err: (error as Error).message }, "metrics: cannot read the sync queue");
  }
  return { contentType: m.registry.contentType, body: await m.registry.metrics() };
}
