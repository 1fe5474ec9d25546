// Each alert rule against a real database: when it fires, when it stays quiet, when it resolves.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { evaluateAlerts } from "@/lib/alerts/evaluator";
import type { KeyExpiry } from "@/lib/alerts/key-expiry";
import { ALERT_RULES_SETTING } from "@/lib/alerts/rules";
import { PAUSED_SETTING } from "@/lib/sync/settings";
import { createTestDatabase } from "./helpers/database";

let db: Db;
const openKeys = async () => (await db.alertIncident.findMany({ where: { resolvedAt: null }, orderBy: { key: "asc" } })).map((incident) => incident.key);
const evaluate = (now = new Date(), keys: KeyExpiry[] = []) => evaluateAlerts(db, { baseUrl: "https://c.example.com", channels: [], keys, now });
/** A time of day in China on the current date (business hours default 08–22). */
const chinaTime = (hour: number) => new Date(`${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:30:00+08:00`);

let counter = 0;
async function renewal(receivedAt: Date) {
  const key = `R-${counter++}`;
  return db.renewal.create({
    data: { idempotencyKey: key, unionId: "100000", tradeNo: key, parkId: "P1", payState: 1, amountFen: 100, sign: "X", dataText: "{}", rawBody: "{}", bookedAt: receivedAt, receivedAt },
  });
}

beforeAll(async () => {
  ({ db } = await createTestDatabase());
});
afterEach(async () => {
  await db.alertIncident.deleteMany();
  await db.setting.deleteMany();
  await db.rejectedCallback.deleteMany();
  await db.renewalConflict.deleteMany();
  await db.wechatSyncAttempt.deleteMany();
  await db.wechatSync.deleteMany();
  await db.renewal.deleteMany();
  await db.vendorAccount.deleteMany();
});

describe("alert rules", () => {
  it("sync paused: fires past the threshold, resolves on resume", async () => {
    await db.setting.create({ data: { key: PAUSED_SETTING, value: true } });
    expect(await evaluate()).toMatchObject({ fired: 0 });
    expect(await evaluate(new Date(Date.now() + 31 * 60_000))).toMatchObject({ fired: 1 });
    expect(await openKeys()).toEqual(["sync_paused"]);
    await db.setting.update({ where: { key: PAUSED_SETTING }, data: { value: false } });
    expect(await evaluate()).toMatchObject({ resolved: 1 });
  });

  it("queue lag: due syncs nobody took for longer than the threshold (not while paused)", async () => {
    const booked = await renewal(new Date());
    await db.wechatSync.create({ data: { renewalId: booked.id, nextAttemptAt: new Date(Date.now() - 11 * 60_000) } });
    expect(await evaluate()).toMatchObject({ fired: 1 });
    expect(await openKeys()).toEqual(["queue_lag"]);
    await db.setting.create({ data: { key: PAUSED_SETTING, value: true } });
    expect(await evaluate()).toMatchObject({ resolved: 0 }); // not judged while paused: stays as it was
    await db.setting.deleteMany();
    await db.wechatSync.updateMany({ data: { status: "SYNCED" } });
    expect(await evaluate()).toMatchObject({ resolved: 1 });
  });

  it("sync retrying: counted from the first attempt of the current round, so a resend of an old failure starts afresh", async () => {
    const booked = await renewal(new Date(Date.now() - 7 * 24 * 3_600_000)); // booked a week ago
    const sync = await db.wechatSync.create({ data: { renewalId: booked.id, status: "RETRYING", createdAt: booked.receivedAt, nextAttemptAt: new Date(Date.now() + 3_600_000) } });
    const attempt = (minutesAgo: number, trigger: "WORKER" | "RESEND") =>
      db.wechatSyncAttempt.create({
        data: { syncId: sync.id, startedAt: new Date(Date.now() - minutesAgo * 60_000), durationMs: 5, requestBody: "{}", outcome: "TRANSIENT", trigger },
      });
    await attempt(7 * 24 * 60, "WORKER"); // the first round, long ago
    await attempt(5, "RESEND"); // an operator resent it five minutes ago
    await attempt(1, "WORKER");
    expect(await evaluate()).toMatchObject({ fired: 0 });
    expect(await evaluate(new Date(Date.now() + 26 * 60_000))).toMatchObject({ fired: 1 }); // 31 minutes into the round
    expect(await openKeys()).toEqual(["sync_retrying"]);
  });

  it("signature spike: one incident per vendor at the threshold", async () => {
    const rows = (unionId: string, n: number) => Array.from({ length: n }, () => ({ reason: "bad_sign", unionId, body: "{}", bodyBytes: 2 }));
    await db.rejectedCallback.createMany({ data: [...rows("111", 10), ...rows("222", 9)] });
    expect(await evaluate()).toMatchObject({ fired: 1 });
    expect(await openKeys()).toEqual(["signature_spike:111"]);
  });

  it("no notice: only inside business hours, only once notices have been flowing", async () => {
    await db.vendorAccount.create({ data: { unionId: "100000", name: "v", signingKey: "k".repeat(16) } });
    expect(await evaluate(chinaTime(12))).toMatchObject({ fired: 0 }); // never received one: being set up
    await renewal(new Date(chinaTime(12).getTime() - 4 * 3_600_000));
    expect(await evaluate(chinaTime(23))).toMatchObject({ fired: 0 }); // after hours
    expect(await evaluate(chinaTime(12))).toMatchObject({ fired: 1 });
    expect(await evaluate(chinaTime(23))).toMatchObject({ resolved: 0 }); // after hours: left as it is
    await renewal(chinaTime(12));
    expect(await evaluate(chinaTime(12))).toMatchObject({ resolved: 1 });
  });

  it("conflicts flagged in the look-back window", async () => {
    const booked = await renewal(new Date());
    await db.renewalConflict.create({ data: { renewalId: booked.id, fields: ["amount"], dataText: "{}", rawBody: "{}" } });
    expect(await evaluate()).toMatchObject({ fired: 1 });
    expect(await evaluate(new Date(Date.now() + 25 * 3_600_000))).toMatchObject({ resolved: 1 });
  });

  it("key expiry within the threshold; a rule turned off neither fires nor resolves", async () => {
    const soon = { name: "cert", serial: "ABC", expiresAt: new Date(Date.now() + 10 * 86_400_000) };
    const later = { name: "cert", serial: "DEF", expiresAt: new Date(Date.now() + 90 * 86_400_000) };
    expect(await evaluate(new Date(), [soon, later])).toMatchObject({ fired: 1 });
    expect(await openKeys()).toEqual(["key_expiry:ABC"]);
    await db.setting.create({ data: { key: ALERT_RULES_SETTING, value: { key_expiry: { enabled: false, threshold: 30 } } } });
    expect(await evaluate(new Date(), [])).toMatchObject({ fired: 0, resolved: 0 });
  });
});
