// kill -9 of the app in the middle of a 2,000-notice storm, with Bolink re-sending everything not
// yet answered state 1: afterwards every notice is booked exactly once and pushed to WeChat.
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { freeLoopbackPort } from "@/lib/db/embedded";
import { FAST_SYNC_ENV, newAuthSecret, startApp, type AppProcess } from "./harness/app";
import { makeNotices, sendLikeBolink } from "./harness/bolink";
import { expectBookedOnce, expectPushedOnce, report } from "./harness/expectations";
import { waitForSyncsToSettle } from "./harness/ledger";
import { startFaultPostgres, type FaultPostgres } from "./harness/postgres";
import { startWechatStandIn, type WechatStandIn } from "./harness/wechat";

let database: FaultPostgres;
let wechat: WechatStandIn;
let app: AppProcess | undefined;

beforeAll(async () => {
  [database, wechat] = await Promise.all([startFaultPostgres(), startWechatStandIn()]);
});

afterAll(async () => {
  await app?.kill("SIGKILL");
  await wechat?.close();
  await database?.stop();
});

it("books every notice once and pushes each to WeChat although the app was killed mid-storm", async () => {
  const notices = makeNotices(2_000);
  const port = await freeLoopbackPort();
  const start = () =>
    startApp({ port, databaseUrl: database.url, authSecret, env: wechat.env, logFile: path.join("test-results", "faults", "crash.log") });
  const authSecret = newAuthSecret();
  app = await start();

  let killedAt: string | null = null;
  let restart: Promise<void> | undefined;
  const stats = await sendLikeBolink(notices, {
    urls: [app.callbackUrl],
    concurrency: 20,
    deadlineMs: 180_000,
    resendDelayMs: 250,
    onAnswered(answered) {
      if (answered !== 600) return;
      restart = (async () => {
        killedAt = new Date().toISOString();
        await app!.kill("SIGKILL");
        app = await start();
      })();
    },
  });
  await restart;
  expect(killedAt).not.toBeNull();

  expect(stats.badAnswers).toEqual([]);
  expect(stats.answered).toBe(notices.length);
  expect(stats.noAnswer).toBeGreaterThan(0); // the kill really cut requests off

  const ledger = await waitForSyncsToSettle(database.url, 120_000);
  expectBookedOnce(ledger, notices);
  // A push in flight at the kill may have reached WeChat without being recorded; it is sent again
  // with the same out_trade_no (the spec's at-least-once rule). Only those may repeat.
  const repeats = expectPushedOnce(ledger, wechat.calls(), notices, { mayRepeatIfFirstBefore: killedAt! });
  expect(repeats).toBeLessThanOrEqual(Number(FAST_SYNC_ENV.SYNC_CONCURRENCY));
  report("kill -9 mid-storm", { ...stats, repeatsAfterKill: repeats, syncs: ledger.syncs });
});
