import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { callbackHealth } from "@/lib/queries/callback-health";
import { createTestDatabase } from "./helpers/database";

let db: Db;
const now = new Date("2026-11-22T04:00:00Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  await db.vendorAccount.createMany({ data: [{ unionId: "100000", name: "东区", signingKey: "k" }, { unionId: "200000", name: "西区", signingKey: "k", enabled: false }] });
  let i = 0;
  for (const minutes of [5, 50, 120, 60 * 30]) {
    await db.renewal.create({
      data: { idempotencyKey: `t:${i++}`, unionId: "100000", parkId: "P", payState: 1, amountFen: 1, sign: "x", dataText: "{}", rawBody: "{}", bookedAt: ago(minutes), receivedAt: ago(minutes) },
    });
  }
  const reject = (reason: string, unionId: string | null, minutes: number) => ({ reason, unionId, body: "{}", bodyBytes: 2, receivedAt: ago(minutes) });
  await db.rejectedCallback.createMany({
    data: [reject("bad_sign", "100000", 1), reject("bad_sign", "100000", 2), reject("missing_field", "100000", 3), reject("bad_sign", "100000", 60 * 25), reject("unknown_vendor", "999", 4)],
  });
});

describe("callback health per vendor", () => {
  it("last notice, notices in the last hour and day, rejections in the last day by reason", async () => {
    expect(await callbackHealth(db, now)).toEqual([
      {
        unionId: "100000",
        name: "东区",
        enabled: true,
        lastNoticeAt: ago(5),
        lastHour: 2,
        lastDay: 3,
        rejectedDay: 3,
        rejectedReasons: [
          { reason: "bad_sign", count: 2 },
          { reason: "missing_field", count: 1 },
        ],
      },
      { unionId: "200000", name: "西区", enabled: false, lastNoticeAt: null, lastHour: 0, lastDay: 0, rejectedDay: 0, rejectedReasons: [] },
      { unionId: "999", name: null, enabled: false, lastNoticeAt: null, lastHour: 0, lastDay: 0, rejectedDay: 1, rejectedReasons: [{ reason: "unknown_vendor", count: 1 }] },
    ]);
  });
});
