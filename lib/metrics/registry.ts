// Every Prometheus metric the console exports, defined in one place. The set lives on globalThis:
// Next bundles route handlers apart from scripts/start.ts (which runs the worker), so this module
// can be loaded twice in one process, and both copies must count into one registry.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { workerBeats } from "@/lib/sync/heartbeat";

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    callbackNotices: new Counter({
      name: "parking_sync_callback_notices_total",
      help: "Bolink callbacks answered, by outcome (booked, duplicate, conflict, rejected, error) and rejection reason class.",
      labelNames: ["outcome", "reason"] as const,
      registers,
    }),
    callbackDuration: new Histogram({
      name: "parking_sync_callback_duration_seconds",
      help: "Time from receiving a Bolink callback to its answer, by outcome.",
      labelNames: ["outcome"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    syncAttempts: new Counter({
      name: "parking_sync_wechat_attempts_total",
      help: "WeChat ext-payment pushes by this process's worker, by outcome, WeChat code and HTTP status.",
      labelNames: ["outcome", "code", "http_status"] as const,
      registers,
    }),
    syncAttemptDuration: new Histogram({
      name: "parking_sync_wechat_attempt_duration_seconds",
      help: "Duration of WeChat ext-payment calls (including a failover to the backup host), by outcome.",
      labelNames: ["outcome"] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50],
      registers,
    }),
    queueDepth: new Gauge({
      name: "parking_sync_queue_depth",
      help: "WeChat syncs not yet synced, by status (pending, retrying, failed, unverified), read from the database at scrape time.",
      labelNames: ["status"] as const,
      registers,
    }),
    queueDue: new Gauge({
      name: "parking_sync_queue_due",
      help: "Pending or retrying syncs whose next attempt is due now.",
      registers,
    }),
    queueLag: new Gauge({
      name: "parking_sync_queue_oldest_due_age_seconds",
      help: "How long the most overdue pending or retrying sync has been due (0 when none is due).",
      registers,
    }),
    paused: new Gauge({
      name: "parking_sync_paused",
      help: "1 while an admin has paused WeChat syncing.",
      registers,
    }),
    databaseUp: new Gauge({
      name: "parking_sync_database_up",
      help: "1 if the scrape could read the queue from PostgreSQL, else 0 (queue gauges are then absent).",
      registers,
    }),
    // Labelled by worker id (as in the logs): an unlabelled gauge would read 0, "fresh", with no worker.
    heartbeatAge: new Gauge({
      name: "parking_sync_worker_heartbeat_age_seconds",
      help: "Seconds since the sync worker in this process last went round its loop (absent when no worker runs here).",
      labelNames: ["worker"] as const,
      registers,
      collect() {
        this.reset();
        for (const beat of workerBeats()) this.set({ worker: beat.id }, (Date.now() - beat.lastTickAt) / 1000);
      },
    }),
    inFlight: new Gauge({
      name: "parking_sync_worker_in_flight",
      help: "WeChat pushes claimed by the worker in this process and not yet finished.",
      labelNames: ["worker"] as const,
      registers,
      collect() {
        this.reset();
        for (const beat of workerBeats()) this.set({ worker: beat.id }, beat.inFlight);
      },
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const holder = globalThis as unknown as { [key: symbol]: Metrics | undefined };
const KEY = Symbol.for("parking-sync-console.metrics");

export function metrics(): Metrics {
  holder[KEY] ??= createMetrics();
  return holder[KEY];
}
