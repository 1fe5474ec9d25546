// Two app instances on one PostgreSQL, each with its own sync worker; every notice and its
// duplicates are split across both at once: one booking and one WeChat push each.
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
const apps: AppProcess[] = [];

beforeAll(async () => {
  scenario = await startScenario();
  ({ database, wechat } = scenario);
  // One after the other: both run the (advisory-locked) migrations and the first-start duties.
  for (const name of ["two-instances-a", "two-instances-b"]) apps.push(await scenario.startApp(name));
});

afterAll(() => scenario?.stop());

it("books and pushes each payment once when its copies arrive at both instances at once", async () => {
  const notices = makeNotices(500);
  const stats = await sendLikeBolink(notices, { urls: apps.map((app) => app.callbackUrl), concurrency: 16, deadlineMs: 180_000, copies: 3 });
  expect(stats.badAnswers).toEqual([]);
  expect(stats.answered).toBe(notices.length);
  expect(stats.requests).toBeGreaterThanOrEqual(3 * notices.length);

  const ledger = await waitForSyncsToSettle(database.url, 120_000);
  expectBookedOnce(ledger, notices);
  const acceptedTwice = expectPushedOnce(ledger, wechat.calls(), notices);

  // Both instances really took part: each answered callbacks and each worker pushed.
  const work = apps.map((app) => {
    const lines = fs.readFileSync(app.logFile, "utf8").split("\n");
    return {
      booked: lines.filter((line) => line.includes('"outcome":"booked"')).length,
      duplicates: lines.filter((line) => line.includes('"outcome":"duplicate"')).length,
      pushes: lines.filter((line) => line.includes('"msg":"wechat sync attempt"')).length,
    };
  });
  for (const instance of work) {
    expect(instance.booked).toBeGreaterThan(0);
    expect(instance.duplicates).toBeGreaterThan(0);
    expect(instance.pushes).toBeGreaterThan(0);
  }
  expect(work.reduce((sum, w) => sum + w.booked, 0)).toBe(notices.length);
  // Attempts, not payments: a call that timed out is attempted again (by either worker).
  expect(work.reduce((sum, w) => sum + w.pushes, 0)).toBeGreaterThanOrEqual(notices.length);
  report("two instances", { ...stats, perInstance: work, acceptedTwiceByWechat: acceptedTwice, syncs: ledger.syncs });
});
