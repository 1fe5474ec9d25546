import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { feeSummary, paidByPeriod, totals } from "@/lib/queries/fees";
import { feesQuery } from "@/lib/validations/fees";
import { createTestDatabase } from "./helpers/database";

let db: Db;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  const entries = [
    // 2026-11-01 23:30 China time is still Nov 1; 2026-11-01 16:30Z is Nov 2 in China.
    { at: "2026-11-01T15:30:00Z", park: "A", company: 0, amount: 10000, arrive: 9900, fee: 100 },
    { at: "2026-11-01T16:30:00Z", park: "A", company: 0, amount: 10000, arrive: 9900, fee: 100 },
    { at: "2026-11-01T17:00:00Z", park: "A", company: 1, amount: 5000, arrive: 5000, fee: 10 }, // mismatch
    { at: "2026-11-02T01:00:00Z", park: "B", company: 0, amount: 2000, arrive: null, fee: null }, // mismatch (unknown)
    { at: "2026-12-01T01:00:00Z", park: "A", company: 0, amount: 3000, arrive: 3000, fee: 0 },
  ];
  for (const [i, e] of entries.entries()) {
    const renewal = await db.renewal.create({
      data: { idempotencyKey: `t:${i}`, unionId: "1", parkId: e.park, payState: 1, amountFen: e.amount, sign: "x", dataText: "{}", rawBody: "{}", bookedAt: new Date(e.at) },
    });
    await db.feeEntry.create({
      data: { renewalId: renewal.id, parkId: e.park, amountFen: e.amount, arriveMoneyFen: e.arrive, feeFen: e.fee, payCompany: e.company, bookedAt: new Date(e.at) },
    });
  }
});

describe("feeSummary", () => {
  it("groups by China-time day × park × channel and marks rows where paid ≠ arrived + fee", async () => {
    const rows = await feeSummary(db, feesQuery.parse({ from: "2026-11-01", to: "2026-11-30" }));
    expect(rows).toEqual([
      { period: "2026-11-02", parkId: "A", payCompany: 0, count: 1, paidFen: 10000, arrivedFen: 9900, feeFen: 100, mismatched: 0 },
      { period: "2026-11-02", parkId: "A", payCompany: 1, count: 1, paidFen: 5000, arrivedFen: 5000, feeFen: 10, mismatched: 1 },
      { period: "2026-11-02", parkId: "B", payCompany: 0, count: 1, paidFen: 2000, arrivedFen: 0, feeFen: 0, mismatched: 1 },
      { period: "2026-11-01", parkId: "A", payCompany: 0, count: 1, paidFen: 10000, arrivedFen: 9900, feeFen: 100, mismatched: 0 },
    ]);
    expect(totals(rows)).toEqual({ count: 4, paidFen: 27000, arrivedFen: 24800, feeFen: 210, mismatched: 2 });
    expect(paidByPeriod(rows)).toEqual([
      { period: "2026-11-01", paidFen: 10000 },
      { period: "2026-11-02", paidFen: 17000 },
    ]);
  });

  it("groups by month and filters by park", async () => {
    const rows = await feeSummary(db, feesQuery.parse({ by: "month", from: "2026-11-01", to: "2026-12-31", park: "A" }));
    expect(rows.map((r) => [r.period, r.payCompany, r.count, r.paidFen])).toEqual([
      ["2026-12", 0, 1, 3000],
      ["2026-11", 0, 2, 20000],
      ["2026-11", 1, 1, 5000],
    ]);
  });
});
