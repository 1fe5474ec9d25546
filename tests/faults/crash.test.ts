// kill -9 of the app in the middle of a 2,000-notice storm, with Bolink re-sending everything not
// yet answered state 1: afterwards every notice is booked exactly once and pushed to WeChat.
import { afterAll, beforeAll, expect, it } from "vitest";
import { freeLoopbackPort } from "@/lib/db/embedded";
import { FAST_SYNC_ENV } from "./harness/app";
import { makeNotices, sendLikeBolink } from "./harness/bolink";
import { expectBookedOnce, expectPushedOnce, report } from "./harness/expectations";
import { waitForSyncsToSettle } from "./harness/ledger";
import type { FaultPostgres } from "./harness/postgres";
import { startScenario, type Scenario } from "./harness/scenario";
import type { WechatStandIn } from "./harness/wechat";

let scenario: Scenario;
let database: FaultPostgres;
let wechat: WechatStandIn;

beforeAll(async () => {
  scenario = await startScenario();
  ({ database, wechat } = scenario);
});

afterAll(() => scenario?.stop());

it("books every notice once and pushes each to WeChat although the app was killed mid-storm", async () => {
  const notices = makeNotices(2_000);
  const port = await freeLoopbackPort();
  const start = () => scenario.startApp("crash", { port });
  let app = await start();

  let killed = false;
  let restart: Promise<void> | undefined;
  const stats = await sendLikeBolink(notices, {
    urls: [app.callbackUrl],
    concurrency: 20,
    deadlineMs: 180_000,
    resendDelayMs: 250,
    onAnswered(answered) {
      if (answered !== 600) return;
      restart = (async () => {
        killed = true;
        await app.kill("SIGKILL");
        app = await start();
      })();
    },
  });
  await restart;
  expect(killed).toBe(true);

  expect(stats.badAnswers).toEqual([]);
  expect(stats.answered).toBe(notices.length);
  expect(stats.noAnswer).toBeGreaterThan(0); // the kill really cut requests off

  const ledger = await waitForSyncsToSettle(database.url, 120_000);
  expectBookedOnce(ledger, notices);
  // A push in flight at the kill may have reached WeChat unrecorded; it is sent again after the
  // lease, with the same out_trade_no and body. At most one per worker slot can be in flight.
  const acceptedTwice = expectPushedOnce(ledger, wechat.calls(), notices);
  expect(acceptedTwice).toBeLessThanOrEqual(Number(FAST_SYNC_ENV.SYNC_CONCURRENCY));
  report("kill -9 mid-storm", { ...stats, acceptedTwiceByWechat: acceptedTwice, syncs: ledger.syncs });
});
