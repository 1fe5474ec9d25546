import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { overview } from "@/lib/queries/overview";
import { createTestDatabase } from "./helpers/database";

let db: Db;
const now = new Date("2026-11-22T04:00:00Z"); // 12:00 in China

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  const book = async (i: number, at: string, amount: number, status: "SYNCED" | "FAILED" | "PENDING") => {
    const renewal = await db.renewal.create({
      data: { idempotencyKey: `t:${i}`, unionId: "1", parkId: "P", payState: 1, amountFen: amount, sign: "x", dataText: "{}", rawBody: "{}", bookedAt: new Date(at) },
    });
    await db.feeEntry.create({ data: { renewalId: renewal.id, parkId: "P", amountFen: amount, arriveMoneyFen: amount - 1, feeFen: 1, bookedAt: new Date(at) } });
    await db.wechatSync.create({
      data: { renewalId: renewal.id, status, createdAt: new Date(at), nextAttemptAt: new Date(at), lastCode: status === "FAILED" ? "PARAM_ERROR" : null },
    });
  };
  await book(1, "2026-11-22T01:00:00Z", 1000, "SYNCED"); // today
  await book(2, "2026-11-21T15:59:00Z", 2000, "FAILED"); // yesterday 23:59 China → this month, not today
  await book(3, "2026-11-22T03:50:00Z", 3000, "PENDING"); // due 10 min ago, nobody took it
  for (let i = 0; i < 12; i++) {
    await db.rejectedCallback.create({ data: { reason: "bad_sign", unionId: "100000", body: "{}", bodyBytes: 2, receivedAt: new Date(now.getTime() - 60_000 * i) } });
  }
  await db.rejectedCallback.create({ data: { reason: "bad_sign", unionId: "200000", body: "{}", bodyBytes: 2, receivedAt: now } });
});

describe("overview", () => {
  it("sums today and this month in China time and reports sync health", async () => {
    const data = await overview(db, now);
    expect(data.today).toEqual({ count: 2, paidFen: 4000, arrivedFen: 3998, feeFen: 2 });
    expect(data.month).toEqual({ count: 3, paidFen: 6000, arrivedFen: 5997, feeFen: 3 });
    expect(data.counts).toEqual({ PENDING: 1, RETRYING: 0, SYNCED: 1, FAILED: 1, UNVERIFIED: 0 });
    expect(data.oldestPendingMinutes).toBe(10);
    expect(data.latestFailures.map((f) => f.lastCode)).toEqual(["PARAM_ERROR"]);
    expect(data.paidSeries).toHaveLength(30);
    expect([data.days.at(-1), data.paidSeries.at(-1)]).toEqual(["2026-11-22", 4000]);
  });

  it("warns about a vendor's signature failures, a stalled worker, and not while paused", async () => {
    const data = await overview(db, now);
    expect(data.signatureSpikes).toEqual([{ unionId: "100000", count: 12 }]);
    expect(data.stalled).toBe(true);
    await db.setting.create({ data: { key: "sync.paused", value: true } });
    expect(await overview(db, now)).toMatchObject({ stalled: false, paused: true });
  });

  it("measures the oldest pending sync from when it became due, so a fresh resend is not old", async () => {
    const renewal = await db.renewal.create({
      data: { idempotencyKey: "t:resent", unionId: "1", parkId: "P", payState: 1, amountFen: 1, sign: "x", dataText: "{}", rawBody: "{}", bookedAt: new Date("2026-11-01T00:00:00Z") },
    });
    // Created three weeks ago, failed, resent a minute ago; and one scheduled for a later retry.
    await db.wechatSync.create({ data: { renewalId: renewal.id, status: "PENDING", createdAt: new Date("2026-11-01T00:00:00Z"), nextAttemptAt: new Date(now.getTime() - 60_000) } });
    await db.wechatSync.updateMany({ where: { status: "PENDING", renewal: { idempotencyKey: "t:3" } }, data: { nextAttemptAt: new Date(now.getTime() + 3_600_000) } });
    expect((await overview(db, now)).oldestPendingMinutes).toBe(1);
  });
});
