// Alerts end to end against real receivers on loopback: WeCom, DingTalk (checking its signed URL),
// a generic webhook consumer (checking the HMAC) and an SMTP server; failures produced by the real
// sync worker against the WeChat Pay simulator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { parseEnv } from "@/lib/env";
import { envChannels, type Channel } from "@/lib/alerts/channels";
import { deliverDue } from "@/lib/alerts/delivery";
import { evaluateAlerts } from "@/lib/alerts/evaluator";
import { startAlertRuntime } from "@/lib/alerts/runtime";
import { failedSyncIdsInGroup, failureGroups } from "@/lib/sync/failure-groups";
import { requeueSyncs } from "@/lib/sync/resend";
import { PAUSED_SETTING } from "@/lib/sync/settings";
import { startSyncWorker, type SyncWorker } from "@/lib/sync/worker";
import { createExtPaymentClient } from "@/lib/wechatpay/client";
import { generateKeyPair } from "@/lib/wechatpay/keys";
import { startWechatPaySimulator, type Simulator } from "@/lib/wechatpay/simulator";
import { dingtalkReceiver, smtpReceiver, wecomReceiver, webhookReceiver } from "./helpers/alert-receivers";
import { createTestDatabase } from "./helpers/database";

const BASE_URL = "https://console.example.com";
const WEBHOOK_SECRET = "webhook-secret-0123456789abcdef";
const DINGTALK_SECRET = "SEC0123456789abcdef0123456789abcdef";

let db: Db;
let url: string;
let sim: Simulator;
let worker: SyncWorker;
let wecom: Awaited<ReturnType<typeof wecomReceiver>>;
let dingtalk: Awaited<ReturnType<typeof dingtalkReceiver>>;
let webhook: Awaited<ReturnType<typeof webhookReceiver>>;
let smtp: Awaited<ReturnType<typeof smtpReceiver>>;
let alertEnv: ReturnType<typeof parseEnv>;
let channels: Channel[];
const merchant = generateKeyPair();

const counts = () => [wecom.received.length, dingtalk.received.length, webhook.received.length, smtp.mails.length];
const wecomText = (i: number) => (wecom.received[i].json.markdown as { content: string }).content;

let counter = 0;
async function failingSync(parkId: string, amountFen = 12050): Promise<number> {
  const outTradeNo = `ALERT-${Date.now()}-${counter++}`;
  const renewal = await db.renewal.create({
    data: {
      idempotencyKey: `t:${outTradeNo}`,
      unionId: "100000",
      tradeNo: outTradeNo,
      outTradeNo,
      parkId,
      payState: 1,
      amountFen,
      payTime: new Date(),
      sign: "X",
      dataText: "{}",
      rawBody: "{}",
      bookedAt: new Date(),
    },
  });
  const sync = await db.wechatSync.create({ data: { renewalId: renewal.id } });
  worker.wake();
  return sync.id;
}

async function settled(ids: number[], status: "FAILED" | "SYNCED") {
  const deadline = Date.now() + 10_000;
  while ((await db.wechatSync.count({ where: { id: { in: ids }, status } })) < ids.length) {
    if (Date.now() > deadline) throw new Error(`syncs ${ids.join(",")} not ${status} in time`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const evaluate = (now?: Date, client = db) => evaluateAlerts(client, { baseUrl: BASE_URL, channels, keys: [], now });

beforeAll(async () => {
  ({ db, url } = await createTestDatabase());
  sim = await startWechatPaySimulator({ mchid: "1900000001", merchantSerialNo: merchant.serial, merchantPublicKey: merchant.publicKey });
  sim.setUnknownParkingLots(["WX-NOT-ONBOARDED"]);
  worker = await startSyncWorker({
    db,
    databaseUrl: url,
    client: createExtPaymentClient(
      {
        mchid: "1900000001",
        merchantSerialNo: merchant.serial,
        merchantPrivateKey: merchant.privateKey,
        wechatKeys: new Map([[sim.platformKeyId, sim.platformPublicKey]]),
        baseUrl: sim.url,
        backupBaseUrl: null,
      },
      { timeoutMs: 5_000 },
    ),
    policy: { delaysMs: [0], rateLimitedMinMs: 100, jitter: 0 },
    concurrency: 4,
    ratePerSecond: 1000,
    pollMs: 100,
  });
  [wecom, dingtalk, webhook, smtp] = await Promise.all([
    wecomReceiver("wecom-key-1"),
    dingtalkReceiver("ding-token-1", DINGTALK_SECRET),
    webhookReceiver(WEBHOOK_SECRET),
    smtpReceiver(),
  ]);
  alertEnv = parseEnv({
    PUBLIC_URL: BASE_URL,
    ALERT_WECOM_WEBHOOK: wecom.webhook,
    ALERT_DINGTALK_WEBHOOK: dingtalk.webhook,
    ALERT_DINGTALK_SECRET: DINGTALK_SECRET,
    ALERT_WEBHOOK_URL: `${webhook.url}/hooks/console`,
    ALERT_WEBHOOK_SECRET: WEBHOOK_SECRET,
    ALERT_SMTP_URL: smtp.url,
    ALERT_EMAIL_TO: "ops@example.com, duty@example.com",
    ALERT_EMAIL_FROM: "console@example.com",
  });
  channels = envChannels(alertEnv);
  await db.park.createMany({ data: ["P-EAST", "P-WEST"].map((parkId) => ({ parkId, wxParkingLotId: "WX-NOT-ONBOARDED" })) });
});

afterAll(async () => {
  await worker?.stop();
  await Promise.all([sim?.close(), wecom?.close(), dingtalk?.close(), webhook?.close(), smtp?.close()]);
});

describe("alerts", () => {
  it("a permanent failure produces exactly one grouped message per channel", async () => {
    const ids = [await failingSync("P-EAST"), await failingSync("P-EAST"), await failingSync("P-WEST")];
    await settled(ids, "FAILED");

    const [group] = await failureGroups(db);
    expect(group).toMatchObject({ code: "PARAM_ERROR", cause: "PARAM_ERROR · wx_parking_lot_id 不存在", failed: 3, resent: 0, parks: ["P-EAST", "P-WEST"] });

    expect(await evaluate()).toMatchObject({ skipped: false, fired: 1, queued: 4 });
    expect(await deliverDue(db, { channels })).toEqual({ sent: 4, failed: 0 });
    expect(counts()).toEqual([1, 1, 1, 1]);
    expect(dingtalk.rejected).toEqual([]); // the signed URL verified
    expect(webhook.rejected).toEqual([]); // the HMAC verified

    const link = `${BASE_URL}/sync/failures?group=${group.id}`;
    const wecomContent = wecomText(0);
    expect(wecomContent).toContain("【告警】");
    expect(wecomContent).toContain("失败 3 笔，涉及 2 个车场：P-EAST、P-WEST");
    expect(wecomContent).toContain(`(${link})`);
    const ding = dingtalk.received[0].json.markdown as { title: string; text: string };
    expect(ding.text).toContain("车场未在微信开通或未配置微信停车场 ID");
    const hook = webhook.received[0].json;
    expect(hook).toMatchObject({ event: "fired", rule: "sync_failed", key: `sync_failed:${group.id}`, link });
    expect(webhook.received[0].path).toBe("/hooks/console");
    expect(webhook.received[0].headers["x-alert-delivery-id"]).toBe(String(hook.id));
    expect(smtp.mails[0]).toMatchObject({ from: "console@example.com", to: ["ops@example.com", "duty@example.com"] });
    expect(smtp.mails[0].headers).toMatchObject({ "x-alert-event": "fired", "x-alert-key": `sync_failed:${group.id}` });

    const log = await db.alertDelivery.findMany({ orderBy: { id: "asc" } });
    expect(log.map((row) => [row.channel, row.event, row.status, row.attempts])).toEqual([
      ["env:wecom", "fired", "SENT", 1],
      ["env:dingtalk", "fired", "SENT", 1],
      ["env:webhook", "fired", "SENT", 1],
      ["env:email", "fired", "SENT", 1],
    ]);
  });

  it("a second failure of the same cause inside the interval produces none; after it, one update with the new count", async () => {
    await settled([await failingSync("P-WEST")], "FAILED");
    expect(await evaluate()).toMatchObject({ fired: 0, updated: 0, queued: 0 });
    await deliverDue(db, { channels });
    expect(counts()).toEqual([1, 1, 1, 1]);

    const later = new Date(Date.now() + 61 * 60_000); // past the default 60-minute interval
    expect(await evaluate(later)).toMatchObject({ fired: 0, updated: 1, queued: 4 });
    expect(await evaluate(later)).toMatchObject({ updated: 0, queued: 0 });
    await deliverDue(db, { channels });
    expect(counts()).toEqual([2, 2, 2, 2]);
    expect(wecomText(1)).toContain("【仍在发生】");
    expect(wecomText(1)).toContain("失败 4 笔");
  });

  it("recovery produces a resolved message on every channel, and the group closes", async () => {
    await db.park.updateMany({ where: { parkId: { in: ["P-EAST", "P-WEST"] } }, data: { wxParkingLotId: "WX-ONBOARDED" } });
    const [group] = await failureGroups(db);
    const ids = await failedSyncIdsInGroup(db, group.id);
    expect(ids).toHaveLength(4);
    // Paused, so the resent syncs wait: resent but not yet tried, they stay in the group and the
    // incident stays open (no premature "resolved").
    await db.setting.create({ data: { key: PAUSED_SETTING, value: true } });
    await db.$transaction((tx) => requeueSyncs(tx, ids));
    expect(await failureGroups(db)).toMatchObject([{ id: group.id, failed: 0, resent: 4 }]);
    expect(await evaluate()).toMatchObject({ resolved: 0, queued: 0 });
    await db.setting.delete({ where: { key: PAUSED_SETTING } });
    worker.wake();
    await settled(ids, "SYNCED");
    expect(await failureGroups(db)).toEqual([]);

    expect(await evaluate()).toMatchObject({ resolved: 1, queued: 4 });
    await deliverDue(db, { channels });
    expect(counts()).toEqual([3, 3, 3, 3]);
    expect(wecomText(2)).toContain("【已恢复】");
    expect(webhook.received[2].json).toMatchObject({ event: "resolved", rule: "sync_failed" });
    expect(smtp.mails[2].headers["x-alert-event"]).toBe("resolved");
    expect(await db.alertIncident.count({ where: { resolvedAt: null } })).toBe(0);
  });

  it("two app instances on one database send each alert once", async () => {
    const before = counts();
    const second = createPrismaClient(url);
    const runtimes = [
      startAlertRuntime({ db, databaseUrl: url, env: alertEnv, evaluateMs: 20, pollMs: 20 }),
      startAlertRuntime({ db: second, databaseUrl: url, env: alertEnv, evaluateMs: 20, pollMs: 20 }),
    ];
    try {
      // A new cause: a renewal that cannot be mapped (amount 0) fails without reaching WeChat.
      await settled([await failingSync("P-EAST", 0)], "FAILED");
      await until(() => counts().every((count, i) => count === before[i] + 1));
      // Both loops keep evaluating and sending for a while: nothing more arrives.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(counts()).toEqual(before.map((count) => count + 1));
      expect(webhook.received.at(-1)!.json).toMatchObject({ event: "fired", rule: "sync_failed" });
      expect(await db.alertIncident.count({ where: { resolvedAt: null } })).toBe(1);
    } finally {
      await Promise.all(runtimes.map((runtime) => runtime.stop()));
      await second.$disconnect();
    }
  });

  it("a refused delivery is retried with backoff and its errors are kept in the delivery log", async () => {
    wecom.failNext(2, { status: 200, body: { errcode: 45009, errmsg: "api freq out of limit" } });
    const incident = await db.alertIncident.findFirstOrThrow({ where: { resolvedAt: null } });
    await db.alertDelivery.create({ data: { incidentId: incident.id, channel: "env:wecom", event: "retry-test", message: { event: "test", rule: "test", key: "test", title: "t", lines: [], link: BASE_URL, at: new Date().toISOString() } } });
    const wecomOnly = channels.filter((channel) => channel.kind === "wecom");

    expect(await deliverDue(db, { channels: wecomOnly, backoffMs: [0, 0] })).toEqual({ sent: 0, failed: 1 });
    let row = await db.alertDelivery.findFirstOrThrow({ where: { event: "retry-test" } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastError: "errcode 45009: api freq out of limit" });
    await deliverDue(db, { channels: wecomOnly, backoffMs: [0, 0] });
    expect(await deliverDue(db, { channels: wecomOnly, backoffMs: [0, 0] })).toEqual({ sent: 1, failed: 0 });
    row = await db.alertDelivery.findFirstOrThrow({ where: { event: "retry-test" } });
    expect(row).toMatchObject({ status: "SENT", attempts: 3, lastError: null });
  });
});
