// Metrics, health and queue stats against a real database: callbacks through the route, pushes
// by a real worker to the simulator, scraped through GET /api/metrics.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as callback } from "@/app/api/callbacks/bolink/route";
import { GET as health } from "@/app/api/health/route";
import { GET as scrape } from "@/app/api/metrics/route";
import type { Db } from "@/lib/db/client";
import { metricsAccess } from "@/lib/metrics/access";
import { REASON_CLASS } from "@/lib/bolink/reject-reasons";
import { metrics } from "@/lib/metrics/registry";
import { serveMetrics } from "@/lib/metrics/serve";
import { queueStats } from "@/lib/sync/queue-stats";
import { startSyncWorker, type SyncWorker } from "@/lib/sync/worker";
import { createExtPaymentClient } from "@/lib/wechatpay/client";
import { startSimulatorTarget } from "@/lib/wechatpay/simulator-mode";
import { signedNotice, validData } from "./helpers/callback-ledger";
import { createTestDatabase } from "./helpers/database";

const TOKEN = "metrics-token-0123456789abcdef";
const UKEY = "A1B2C3D4E5F60718";
let db: Db;
let url: string;
let sim: Awaited<ReturnType<typeof startSimulatorTarget>>;
let worker: SyncWorker | undefined;

beforeAll(async () => {
  process.env.METRICS_TOKEN = TOKEN; // read by env() on the first request
  ({ db, url } = await createTestDatabase());
  await db.vendorAccount.create({ data: { unionId: "100000", name: "Bolink test", signingKey: UKEY } });
  sim = await startSimulatorTarget();
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await db.wechatSync.updateMany({ where: { status: { in: ["PENDING", "RETRYING"] } }, data: { status: "SYNCED" } });
});
afterAll(async () => {
  await sim.simulator.close();
});

const get = (auth?: string) =>
  scrape(new Request("http://localhost/api/metrics", { headers: auth ? { authorization: auth } : {} }));

async function metricsText(): Promise<string> {
  const response = await get(`Bearer ${TOKEN}`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  return response.text();
}

/** The value of one sample, e.g. sample(text, 'parking_sync_queue_depth{status="pending"}'). */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const notice = (tradeNo: string, ukey = UKEY) => signedNotice(validData(tradeNo), {}, ukey);

const post = (body: string) => callback(new Request("http://localhost/api/callbacks/bolink", { method: "POST", body }));

async function startWorker() {
  worker = await startSyncWorker({
    db,
    databaseUrl: url,
    client: createExtPaymentClient(sim.target),
    policy: { delaysMs: [0, 50], rateLimitedMinMs: 100, jitter: 0 },
    concurrency: 2,
    ratePerSecond: 1000,
    pollMs: 100,
  });
}

describe("metrics access", () => {
  it("is disabled without a token, and needs the exact bearer token otherwise", () => {
    expect(metricsAccess(`Bearer ${TOKEN}`, undefined)).toBe("disabled");
    expect(metricsAccess(null, TOKEN)).toBe("unauthorized");
    expect(metricsAccess(TOKEN, TOKEN)).toBe("unauthorized");
    expect(metricsAccess(`Basic ${TOKEN}`, TOKEN)).toBe("unauthorized");
    expect(metricsAccess(`Bearer ${TOKEN}x`, TOKEN)).toBe("unauthorized");
    expect(metricsAccess(`Bearer ${TOKEN.slice(0, -1)}`, TOKEN)).toBe("unauthorized");
    expect(metricsAccess(`bearer ${TOKEN}`, TOKEN)).toBe("ok");
  });

  it("GET /api/metrics answers 401 JSON without the right token", async () => {
    for (const auth of [undefined, "Bearer wrong-token-wrong-token"]) {
      const response = await get(auth);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
      expect(await response.json()).toEqual({ error: "unauthorized" });
    }
  });

  it("GET /api/metrics answers 404 JSON when METRICS_TOKEN is unset", async () => {
    vi.resetModules(); // a fresh lib/env, which caches the environment it parsed
    process.env.METRICS_TOKEN = "";
    try {
      const { GET } = await import("@/app/api/metrics/route");
      const response = await GET(new Request("http://localhost/api/metrics", { headers: { authorization: `Bearer ${TOKEN}` } }));
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: "not found" });
    } finally {
      process.env.METRICS_TOKEN = TOKEN;
    }
  });

  it("classifies rejection reasons into a few label values", () => {
    expect(REASON_CLASS.bad_sign).toBe("signature");
    expect(REASON_CLASS.invalid_field).toBe("invalid_notice");
    expect(REASON_CLASS.not_an_object).toBe("invalid_notice");
    expect(REASON_CLASS.body_too_large).toBe("body");
    expect(REASON_CLASS.other).toBe("other");
  });
});

describe("the standalone worker's metrics server", () => {
  it("serves GET /metrics with the token, 401 without, 404 elsewhere, all JSON but the metrics", async () => {
    const server = await serveMetrics(db, { port: 0, token: TOKEN, host: "127.0.0.1" });
    try {
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      const ok = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toMatch(/^parking_sync_database_up 1$/m);
      const denied = await fetch(`${base}/metrics`, { headers: { authorization: "Bearer nope-nope-nope-nope" } });
      expect([denied.status, await denied.json()]).toEqual([401, { error: "unauthorized" }]);
      const elsewhere = await fetch(`${base}/`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect([elsewhere.status, elsewhere.headers.get("content-type")]).toEqual([404, "application/json"]);
    } finally {
      server.close();
    }
  });
});

describe("one registry per process", () => {
  it("a second copy of the metrics module (as Next's bundle loads it) counts into the same registry", async () => {
    const first = metrics();
    vi.resetModules();
    const again = await import("@/lib/metrics/registry");
    expect(again.metrics()).toBe(first);
    expect(again.metrics().registry.getSingleMetric("parking_sync_wechat_attempts_total")).toBe(first.syncAttempts);
  });
});

const healthRequest = (token?: string) =>
  new Request("http://localhost/api/health", token ? { headers: { authorization: `Bearer ${token}` } } : {});

describe("GET /api/health", () => {
  it("without a token answers the status only: no version, database, worker or queue", async () => {
    for (const request of [healthRequest(), healthRequest("wrong-token-0123456789"), new Request("http://localhost/api/health", { headers: { cookie: "other=1" } })]) {
      const response = await health(request);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: "ok" });
    }
  });

  it("with METRICS_TOKEN answers the details", async () => {
    const body = await (await health(healthRequest(TOKEN))).json();
    expect(body).toMatchObject({ status: "ok", version: expect.any(String), database: { status: "ok", serverVersion: expect.any(String) } });
  });
});

describe("queue lag and worker heartbeat", () => {
  it("reports the most overdue sync, not one scheduled for later, in health and metrics", async () => {
    expect(await (await post(notice("LAG-1"))).json()).toMatchObject({ state: 1 });
    expect(await (await post(notice("LATER-1"))).json()).toMatchObject({ state: 1 });
    const lagging = await db.renewal.findFirstOrThrow({ where: { tradeNo: "LAG-1" }, select: { id: true } });
    await db.wechatSync.update({ where: { renewalId: lagging.id }, data: { nextAttemptAt: new Date(Date.now() - 90_000) } });
    const later = await db.renewal.findFirstOrThrow({ where: { tradeNo: "LATER-1" }, select: { id: true } });
    await db.wechatSync.update({ where: { renewalId: later.id }, data: { status: "RETRYING", nextAttemptAt: new Date(Date.now() + 3_600_000) } });
    expect(await (await post(notice("UNVERIFIED-1"))).json()).toMatchObject({ state: 1 });
    const accepted = await db.renewal.findFirstOrThrow({ where: { tradeNo: "UNVERIFIED-1" }, select: { id: true } });
    await db.wechatSync.update({ where: { renewalId: accepted.id }, data: { status: "UNVERIFIED" } }); // waits for an operator; not due

    const stats = await queueStats(db);
    expect(stats).toMatchObject({ pending: 1, retrying: 1, failed: 0, unverified: 1, due: 1, paused: false });
    expect(stats.lagSeconds).toBeGreaterThanOrEqual(90);
    expect(stats.lagSeconds).toBeLessThan(120);

    const response = await health(healthRequest(TOKEN));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", worker: { status: "not running" }, queue: { due: 1, paused: false } });
    expect(body.queue.lagSeconds).toBeGreaterThanOrEqual(90);

    const text = await metricsText();
    expect(sample(text, 'parking_sync_queue_depth{status="pending"}')).toBe(1);
    expect(sample(text, 'parking_sync_queue_depth{status="retrying"}')).toBe(1);
    expect(sample(text, 'parking_sync_queue_depth{status="unverified"}')).toBe(1);
    expect(sample(text, "parking_sync_queue_due")).toBe(1);
    expect(sample(text, "parking_sync_queue_oldest_due_age_seconds")).toBeGreaterThanOrEqual(90);
    expect(sample(text, "parking_sync_database_up")).toBe(1);
    expect(text).not.toMatch(/^parking_sync_worker_heartbeat_age_seconds/m); // no worker in this process
  });

  it("health shows a running worker's heartbeat; it disappears when the worker stops", async () => {
    await startWorker();
    const body = await (await health(healthRequest(TOKEN))).json();
    expect(body.worker.status).toBe("ok");
    expect(body.worker.lastTickSecondsAgo).toBeLessThan(5);
    expect(sample(await metricsText(), `parking_sync_worker_heartbeat_age_seconds{worker="${worker!.id}"}`)).toBeLessThan(5);
    await worker!.stop();
    worker = undefined;
    expect((await (await health(healthRequest(TOKEN))).json()).worker).toEqual({ status: "not running" });
  });
});

describe("callback and sync counters", () => {
  it("counts a booked notice, its duplicate, a bad signature and the worker's push with WeChat's answer", async () => {
    const before = await metricsText();
    const count = (text: string, series: string) => sample(text, series) ?? 0;
    const booked = 'parking_sync_callback_notices_total{outcome="booked",reason=""}';
    const duplicate = 'parking_sync_callback_notices_total{outcome="duplicate",reason=""}';
    const badSign = 'parking_sync_callback_notices_total{outcome="rejected",reason="signature"}';
    const pushed = 'parking_sync_wechat_attempts_total{outcome="success",code="none",http_status="204"}';

    expect(await (await post(notice("COUNT-1"))).json()).toMatchObject({ state: 1 });
    await post(notice("COUNT-1"));
    expect(await (await post(notice("COUNT-2", "WRONGKEY12345678"))).json()).toMatchObject({ state: 0, errmsg: "bad sign" });
    await startWorker();
    const renewal = await db.renewal.findFirstOrThrow({ where: { tradeNo: "COUNT-1" }, select: { id: true } });
    for (let i = 0; (await db.wechatSync.findUniqueOrThrow({ where: { renewalId: renewal.id } })).status !== "SYNCED"; i++) {
      if (i > 200) throw new Error("not synced");
      await new Promise((resolve) => setTimeout(resolve, 25));
    }

    const after = await metricsText();
    expect(count(after, booked) - count(before, booked)).toBe(1);
    expect(count(after, duplicate) - count(before, duplicate)).toBe(1);
    expect(count(after, badSign) - count(before, badSign)).toBe(1);
    expect(count(after, pushed) - count(before, pushed)).toBe(1);
    expect(count(after, 'parking_sync_callback_duration_seconds_count{outcome="booked"}')).toBeGreaterThanOrEqual(1);
    expect(count(after, 'parking_sync_wechat_attempt_duration_seconds_count{outcome="success"}')).toBeGreaterThanOrEqual(1);
    expect(after).toContain("process_cpu_user_seconds_total");
    expect(after).not.toContain(UKEY);
  });
});
