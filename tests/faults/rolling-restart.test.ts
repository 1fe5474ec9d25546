// A rolling restart: one of two instances gets SIGTERM mid-storm. It finishes the callbacks in
// flight, hands its claimed syncs back at once, and exits; the other instance carries on.
import fs from "node:fs";
import pg from "pg";
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
  // The instance that will stop paces its pushes at 5/s, so when SIGTERM comes it surely holds
  // claims still waiting for the rate limiter: those must be handed back, not left to their lease.
  for (const [name, rate] of [["rolling-a", "5"], ["rolling-b", "1000"]]) {
    apps.push(await scenario.startApp(name, { env: { SYNC_RATE_LIMIT: rate } }));
  }
});

afterAll(() => scenario?.stop());

it("drains and hands back its work on SIGTERM, losing and doubling nothing", async () => {
  const [stopping] = apps;
  const notices = makeNotices(600);
  let stopped: Promise<{ exitCode: number | null; leasesStillHeld: number }> | undefined;
  const stats = await sendLikeBolink(notices, {
    urls: apps.map((app) => app.callbackUrl),
    concurrency: 16,
    deadlineMs: 180_000,
    resendDelayMs: 100,
    onAnswered(answered) {
      if (answered !== 200) return;
      stopped = (async () => {
        const exitCode = await stopping.kill("SIGTERM");
        // Checked at once, well inside SYNC_LEASE: a claim not handed back would still be held.
        return { exitCode, leasesStillHeld: await leasesHeldBy(workerIdOf(stopping)) };
      })();
    },
  });
  expect(await stopped).toEqual({ exitCode: 0, leasesStillHeld: 0 });
  const released = Number(/"released":(\d+)[^\n]*released sync leases on stop/.exec(fs.readFileSync(stopping.logFile, "utf8"))?.[1] ?? 0);
  expect(released, "claims handed back on SIGTERM").toBeGreaterThan(0);
  expect(stats.badAnswers).toEqual([]);
  expect(stats.answered).toBe(notices.length);

  const ledger = await waitForSyncsToSettle(database.url, 120_000);
  expectBookedOnce(ledger, notices);
  const acceptedTwice = expectPushedOnce(ledger, wechat.calls(), notices);
  report("rolling restart (SIGTERM)", { ...stats, releasedOnStop: released, acceptedTwiceByWechat: acceptedTwice, syncs: ledger.syncs });
});

function workerIdOf(app: AppProcess): string {
  const id = /"worker":"([^"]+)"/.exec(fs.readFileSync(app.logFile, "utf8"))?.[1];
  if (!id) throw new Error(`no worker id in ${app.logFile}`);
  return id;
}

async function leasesHeldBy(owner: string): Promise<number> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT count(*) AS n FROM wechat_syncs WHERE lease_owner = $1 AND lease_expires_at > now()", [owner]);
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}
