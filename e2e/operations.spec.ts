// Metrics and health on the production build: the callback (Next's bundle) and the worker
// (started by scripts/start.ts) must count into one registry, or the scrape misses one of them.
import { expect, test } from "@playwright/test";
import { E2E_METRICS_TOKEN } from "../playwright.config";
import { signedNotice } from "./helpers/notices";

test.use({ storageState: { cookies: [], origins: [] } });

const notice = (tradeNo: string) =>
  signedNotice({ trade_no: tradeNo, park_id: "E2E-METRICS", car_number: "沪C00002", amount: "150.00", arrive_money: "150.00" });

const sample = (text: string, series: string) => Number(text.split("\n").find((line) => line.startsWith(`${series} `))?.slice(series.length + 1) ?? 0);

test("one scrape shows the callback's and the worker's counters; without the token it is a JSON 401", async ({ request }) => {
  const denied = await request.get("/api/metrics");
  expect(denied.status()).toBe(401);
  expect(await denied.json()).toEqual({ error: "unauthorized" });

  const auth = { authorization: `Bearer ${E2E_METRICS_TOKEN}` };
  const booked = 'parking_sync_callback_notices_total{outcome="booked",reason=""}';
  const pushed = 'parking_sync_wechat_attempts_total{outcome="success",code="none",http_status="204"}';
  const before = await (await request.get("/api/metrics", { headers: auth })).text();

  const answer = await request.post("/api/callbacks/bolink", { data: notice(`MET-${Date.now()}`) });
  expect(await answer.json()).toMatchObject({ state: 1 });

  await expect
    .poll(async () => sample(await (await request.get("/api/metrics", { headers: auth })).text(), pushed) - sample(before, pushed), { timeout: 15_000 })
    .toBeGreaterThanOrEqual(1);
  const after = await (await request.get("/api/metrics", { headers: auth })).text();
  expect(sample(after, booked) - sample(before, booked)).toBe(1);
  expect(after).toMatch(/^parking_sync_worker_heartbeat_age_seconds\{worker="[^"]+"\} /m);
  expect(after).toMatch(/^parking_sync_queue_depth\{status="pending"\} \d+/m);
});

test("health without a token answers the status only; with METRICS_TOKEN the worker heartbeat and the queue", async ({ request, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const publicAnswer = await anonymous.get("/api/health");
  expect(publicAnswer.status()).toBe(200);
  expect(await publicAnswer.json()).toEqual({ status: "ok" });
  await anonymous.dispose();

  const response = await request.get("/api/health", { headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` } });
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ status: "ok", database: { status: "ok" }, worker: { status: "ok" }, queue: { paused: false } });
  expect(body.worker.lastTickSecondsAgo).toBeLessThan(30);
  expect(typeof body.queue.lagSeconds).toBe("number");
});
