// WeChat Pay misbehaving: 30 % 500s, timeouts, connection resets, answers whose signature does not
// verify, a 429 burst, and a full outage longer than several retry intervals. Every payment still
// ends synced, and none is sent again after WeChat's verified 204.
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ChaosRates } from "@/lib/wechatpay/simulator";
import { FAST_SYNC_ENV, type AppProcess } from "./harness/app";
import { makeNotices, sendLikeBolink } from "./harness/bolink";
import { expectBookedOnce, expectPushedOnce, report } from "./harness/expectations";
import { readLedger, waitForSyncsToSettle } from "./harness/ledger";
import { waitUntil, type FaultPostgres } from "./harness/postgres";
import { startScenario, type Scenario } from "./harness/scenario";
import type { WechatStandIn } from "./harness/wechat";

const CHAOS: ChaosRates = { "500": 0.3, timeout: 0.03, "bad-signature": 0.03, reset: 0.02 };
const OUTAGE_MS = 6_000;

let scenario: Scenario;
let database: FaultPostgres;
let wechat: WechatStandIn;
let app: AppProcess;

beforeAll(async () => {
  scenario = await startScenario();
  ({ database, wechat } = scenario);
  app = await scenario.startApp("wechat-chaos");
});

afterAll(() => scenario?.stop());

it("syncs every payment through errors, timeouts, bad signatures, 429s and an outage, and none twice", async () => {
  // The outage must outlast several retries, or it proves nothing about the schedule.
  const delays = FAST_SYNC_ENV.SYNC_RETRY_DELAYS.split(",").map((d) => (d.endsWith("ms") ? Number(d.slice(0, -2)) : Number(d.slice(0, -1)) * 1000));
  expect(delays.slice(0, 5).reduce((a, b) => a + b, 0)).toBeLessThan(OUTAGE_MS);

  wechat.sim().inject("429", 12, 1);
  wechat.sim().setChaos(CHAOS);
  const notices = makeNotices(400);
  const stats = await sendLikeBolink(notices, { urls: [app.callbackUrl], concurrency: 10, deadlineMs: 60_000 });
  expect(stats.answered).toBe(notices.length);

  await waitUntil(async () => ((await readLedger(database.url)).syncs.SYNCED ?? 0) >= 100, 60_000, "100 syncs before the outage", 200);
  await wechat.outage(OUTAGE_MS);
  wechat.sim().setChaos(CHAOS);

  const ledger = await waitForSyncsToSettle(database.url, 180_000);
  expectBookedOnce(ledger, notices);
  const acceptedTwice = expectPushedOnce(ledger, wechat.calls(), notices);

  const attempts = await attemptsByKind(database.url);
  const injected = Object.fromEntries(
    ["500", "429", "timeout", "bad-signature", "reset"].map((fault) => [fault, wechat.calls().filter((c) => c.fault === fault).length]),
  );
  for (const count of Object.values(injected)) expect(count).toBeGreaterThan(0);
  expect(attempts.refusedDuringOutage).toBeGreaterThan(0);
  expect(attempts.unverified).toBe(injected["bad-signature"]);
  report("WeChat misbehaving", { notices: notices.length, wechatCalls: wechat.calls().length, injected, attempts, acceptedTwiceByWechat: acceptedTwice, syncs: ledger.syncs });
});

/** The worker's own record of what went wrong, to show each fault was met and logged as such. */
async function attemptsByKind(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ total: string; refused: string; unverified: string; status_500: string; status_429: string }>(`
      SELECT count(*) AS total,
             count(*) FILTER (WHERE http_status IS NULL AND message ILIKE '%refused%') AS refused,
             count(*) FILTER (WHERE signature_check IS NOT NULL AND signature_check <> 'verified') AS unverified,
             count(*) FILTER (WHERE http_status = 500) AS status_500,
             count(*) FILTER (WHERE http_status = 429) AS status_429
      FROM wechat_sync_attempts`);
    const row = rows[0];
    return {
      total: Number(row.total),
      refusedDuringOutage: Number(row.refused),
      unverified: Number(row.unverified),
      http500: Number(row.status_500),
      http429: Number(row.status_429),
    };
  } finally {
    await client.end();
  }
}
