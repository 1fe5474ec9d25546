// PostgreSQL crashes (immediate shutdown, WAL replay on start) in the middle of a storm and comes
// back: nothing answered state 1 is lost, and the same app process recovers by itself.
import fs from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { AppProcess } from "./harness/app";
import { makeNotices, sendLikeBolink } from "./harness/bolink";
import { expectBookedOnce, expectPushedOnce, report } from "./harness/expectations";
import { waitForSyncsToSettle } from "./harness/ledger";
import type { FaultPostgres } from "./harness/postgres";
import { startScenario, type Scenario } from "./harness/scenario";
import type { WechatStandIn } from "./harness/wechat";

let scenario: Scenario;
let database: FaultPostgres;
let wechat: WechatStandIn;
let app: AppProcess;

beforeAll(async () => {
  scenario = await startScenario();
  ({ database, wechat } = scenario);
  app = await scenario.startApp("postgres-restart");
});

afterAll(() => scenario?.stop());

it("loses nothing it answered state 1 when PostgreSQL crashes mid-storm, and recovers without a restart", async () => {
  const notices = makeNotices(1_000);
  const health: number[] = [];
  let outage: Promise<void> | undefined;
  const stats = await sendLikeBolink(notices, {
    urls: [app.callbackUrl],
    concurrency: 20,
    deadlineMs: 150_000,
    resendDelayMs: 250,
    onAnswered(answered) {
      if (answered !== 300) return;
      outage = (async () => {
        await database.crash();
        health.push((await fetch(`${app.url}/api/health`)).status);
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        await database.start();
      })();
    },
  });
  await outage;

  expect(health).toEqual([503]);
  expect(stats.badAnswers).toEqual([]);
  expect(stats.answered).toBe(notices.length);
  expect(stats.answeredState0).toBeGreaterThan(0); // the outage was answered "retry later", not with an error page
  const recovered = await fetch(`${app.url}/api/health`);
  expect(recovered.status).toBe(200);

  const ledger = await waitForSyncsToSettle(database.url, 120_000);
  expectBookedOnce(ledger, notices);
  const acceptedTwice = expectPushedOnce(ledger, wechat.calls(), notices);
  const exitedEarly = await Promise.race([app.exited.then(() => true), Promise.resolve(false)]);
  expect(exitedEarly, "the app process had to be restarted").toBe(false);
  // The worker's NOTIFY wake-ups came back too, not just its 2 s polling.
  expect(fs.readFileSync(app.logFile, "utf8")).toContain("sync listener reconnected");
  report("PostgreSQL crash mid-storm", { ...stats, acceptedTwiceByWechat: acceptedTwice, syncs: ledger.syncs });
});
