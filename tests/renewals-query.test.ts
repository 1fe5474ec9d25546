import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { listRenewals, renewalTotals } from "@/lib/queries/renewals";
import { rareSyncStatusTotals } from "@/lib/queries/renewals-by-sync";
import { renewalsParams } from "@/lib/validations/renewals";
import { createTestDatabase } from "./helpers/database";

let db: Db;
const base = new Date("2026-11-01T00:00:00Z").getTime();

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  // 130 renewals over 3 parks, with runs of identical booked_at so the id tiebreak matters.
  await db.renewal.createMany({
    data: Array.from({ length: 130 }, (_, i) => ({
      idempotencyKey: `t:${i}`,
      unionId: "1",
      tradeNo: `T${i}`,
      parkId: `P${i % 3}`,
      payState: 1,
      amountFen: 100 + i,
      sign: "x",
      dataText: "{}",
      rawBody: "{}",
      bookedAt: new Date(base + Math.floor(i / 4) * 3_600_000),
    })),
  });
});

async function walk(params: Record<string, string>) {
  const seen: number[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const page = await listRenewals(db, renewalsParams.parse({ ...params, perPage: "25", ...(after ? { after } : {}) }).query);
    seen.push(...page.rows.map((row) => row.id));
    if (!page.next) return seen;
    after = page.next;
  }
  throw new Error("pager did not end");
}

describe("listRenewals keyset pages", () => {
  it("visits every row once, newest first, across ties in booked_at", async () => {
    const ids = await walk({});
    expect(ids).toHaveLength(130);
    expect(new Set(ids).size).toBe(130);
    const all = await db.renewal.findMany({ orderBy: [{ bookedAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(ids).toEqual(all.map((row) => row.id));
  });

  it("pages a filtered view and oldest-first order the same way", async () => {
    const park = await walk({ park: "P1" });
    expect(park).toHaveLength(43);
    const asc = await walk({ dir: "asc" });
    expect(asc).toEqual([...(await walk({}))].reverse());
  });

  it("goes back a page with `before`", async () => {
    const first = await listRenewals(db, renewalsParams.parse({ perPage: "25" }).query);
    const second = await listRenewals(db, renewalsParams.parse({ perPage: "25", after: first.next! }).query);
    const back = await listRenewals(db, renewalsParams.parse({ perPage: "25", before: second.prev! }).query);
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(back.prev).toBeNull(); // it is the first page again
    expect(first.prev).toBeNull();
  });

  it("pages by amount and by park (id tiebreak) in both directions, every row once", async () => {
    for (const sort of ["amount", "park"]) {
      const desc = await walk({ sort });
      expect(desc).toHaveLength(130);
      expect(new Set(desc).size).toBe(130);
      const column = sort === "amount" ? "amountFen" : "parkId";
      const all = await db.renewal.findMany({ orderBy: [{ [column]: "desc" }, { id: "desc" }], select: { id: true } });
      expect(desc).toEqual(all.map((row) => row.id));
      expect(await walk({ sort, dir: "asc" })).toEqual([...desc].reverse());
    }
  });
});

describe("keyset pages inside long runs of one value (renewals sharing a park: the two-seek read)", () => {
  it("goes forward and back page by page, the same pages either way, each row once", async () => {
    const pages: number[][] = [];
    let page = await listRenewals(db, renewalsParams.parse({ sort: "park", perPage: "10" }).query);
    pages.push(page.rows.map((row) => row.id));
    while (page.next) {
      page = await listRenewals(db, renewalsParams.parse({ sort: "park", perPage: "10", after: page.next }).query);
      pages.push(page.rows.map((row) => row.id));
    }
    expect(pages.flat()).toEqual((await db.renewal.findMany({ orderBy: [{ parkId: "desc" }, { id: "desc" }], select: { id: true } })).map((row) => row.id));
    // Back from the last page: each `before` gives the page in front of it, through every park boundary.
    const back: number[][] = [pages[pages.length - 1]];
    while (page.prev) {
      page = await listRenewals(db, renewalsParams.parse({ sort: "park", perPage: "10", before: page.prev }).query);
      back.unshift(page.rows.map((row) => row.id));
    }
    expect(back).toEqual(pages);
  });
});

describe("renewalTotals", () => {
  it("counts and sums the filtered rows exactly", async () => {
    // P1: i = 1, 4, …, 127 → 43 rows, amounts 100 + i.
    const expected = Array.from({ length: 43 }, (_, k) => 100 + 1 + 3 * k).reduce((a, b) => a + b, 0);
    expect(await renewalTotals(db, renewalsParams.parse({ park: "P1" }).query)).toEqual({ count: 43, amountFen: expected, capped: false });
  });
});


describe("sync status filter", () => {
  it("reads a rare status in rounds of the syncs' index in the list's order: sparse matches across rounds, every sort, both directions, back pages, days, totals", async () => {
    const start = new Date("2026-10-01T00:00:00Z").getTime();
    // 1,300 failed syncs, more than two rounds; one in 40 is at park RARE, so a page of 25 needs several rounds.
    await db.renewal.createMany({
      data: Array.from({ length: 1300 }, (_, i) => ({
        idempotencyKey: `rounds:${i}`, unionId: "1", tradeNo: `R${i}`, parkId: i % 40 === 0 ? "RARE" : "BUSY", payState: 1, amountFen: 1000 + i,
        sign: "x", dataText: "{}", rawBody: "{}", bookedAt: new Date(start + Math.floor(i / 3) * 60_000),
      })),
    });
    const made = await db.renewal.findMany({ where: { idempotencyKey: { startsWith: "rounds:" } }, select: { id: true, parkId: true, amountFen: true, bookedAt: true } });
    await db.wechatSync.createMany({ data: made.map((r) => ({ renewalId: r.id, status: "FAILED" as const })) });
    try {
      const newestFirst = (rows: typeof made) => [...rows].sort((a, b) => b.bookedAt.getTime() - a.bookedAt.getTime() || b.id - a.id).map((r) => r.id);
      const rare = made.filter((r) => r.parkId === "RARE");
      expect(await walk({ sync: "FAILED", park: "RARE" })).toEqual(newestFirst(rare));
      expect(await walk({ sync: "FAILED", park: "RARE", dir: "asc" })).toEqual(newestFirst(rare).reverse());
      expect(await walk({ sync: "FAILED" })).toEqual(newestFirst(made));

      const first = await listRenewals(db, renewalsParams.parse({ sync: "FAILED", park: "RARE", perPage: "25" }).query);
      const second = await listRenewals(db, renewalsParams.parse({ sync: "FAILED", park: "RARE", perPage: "25", after: first.next! }).query);
      const back = await listRenewals(db, renewalsParams.parse({ sync: "FAILED", park: "RARE", perPage: "25", before: second.prev! }).query);
      expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
      expect(back.prev).toBeNull();

      // China-time days 2026-10-01 … 2026-10-02 hold the first renewals (from 08:00 China time on the 1st).
      const inDays = made.filter((r) => r.bookedAt < new Date("2026-10-02T16:00:00Z"));
      expect(await walk({ sync: "FAILED", from: "2026-10-01", to: "2026-10-02" })).toEqual(newestFirst(inDays));

      // The other orders, read from the syncs' copies of amount and park: every row once, both directions, back pages.
      const byAmount = (rows: typeof made) => [...rows].sort((a, b) => b.amountFen - a.amountFen || b.id - a.id).map((r) => r.id);
      expect(await walk({ sync: "FAILED", sort: "amount" })).toEqual(byAmount(made));
      expect(await walk({ sync: "FAILED", sort: "amount", dir: "asc" })).toEqual(byAmount(made).reverse());
      expect(await walk({ sync: "FAILED", sort: "amount", park: "RARE" })).toEqual(byAmount(rare));
      const byPark = [...made].sort((a, b) => (a.parkId === b.parkId ? b.id - a.id : a.parkId < b.parkId ? 1 : -1)).map((r) => r.id);
      expect(await walk({ sync: "FAILED", sort: "park" })).toEqual(byPark);
      expect(await walk({ sync: "FAILED", sort: "park", dir: "asc" })).toEqual([...byPark].reverse());
      const firstByAmount = await listRenewals(db, renewalsParams.parse({ sync: "FAILED", sort: "amount", perPage: "25" }).query);
      const secondByAmount = await listRenewals(db, renewalsParams.parse({ sync: "FAILED", sort: "amount", perPage: "25", after: firstByAmount.next! }).query);
      const backByAmount = await listRenewals(db, renewalsParams.parse({ sync: "FAILED", sort: "amount", perPage: "25", before: secondByAmount.prev! }).query);
      expect(backByAmount.rows.map((r) => r.id)).toEqual(firstByAmount.rows.map((r) => r.id));
      // Filters only the renewals know still apply after the syncs' rounds.
      const some = made.filter((r) => r.id % 5 === 0);
      await db.renewal.updateMany({ where: { id: { in: some.map((r) => r.id) } }, data: { hasConflict: true } });
      expect(await walk({ sync: "FAILED", sort: "amount", conflict: "1" })).toEqual(byAmount(some));

      const sum = (rows: typeof made) => rows.reduce((total, r) => total + r.amountFen, 0);
      expect(await renewalTotals(db, renewalsParams.parse({ sync: "FAILED", park: "RARE" }).query)).toEqual({ count: rare.length, amountFen: sum(rare), capped: false });
      expect(await renewalTotals(db, renewalsParams.parse({ sync: "FAILED" }).query)).toEqual({ count: made.length, amountFen: sum(made), capped: false });
      expect(await renewalTotals(db, renewalsParams.parse({ sync: "FAILED", park: "RARE", from: "2026-10-01", to: "2026-10-02" }).query)).toEqual({
        count: inDays.filter((r) => r.parkId === "RARE").length,
        amountFen: sum(inDays.filter((r) => r.parkId === "RARE")),
        capped: false,
      });
      expect(await renewalTotals(db, renewalsParams.parse({ sync: "FAILED", conflict: "1" }).query)).toEqual({ count: some.length, amountFen: sum(some), capped: false });
      // Past a cap, by the syncs alone when only the status and days filter; by the renewals otherwise.
      const failedQuery = { ...renewalsParams.parse({ sync: "FAILED" }).query, sync: "FAILED" as const };
      expect((await rareSyncStatusTotals(db, failedQuery, {}, 100, true)).count).toBeGreaterThan(100);
      expect((await rareSyncStatusTotals(db, failedQuery, { parkId: "RARE" }, 100, false)).count).toBe(rare.length);
    } finally {
      await db.renewal.deleteMany({ where: { idempotencyKey: { startsWith: "rounds:" } } });
    }
  });

  it("keeps the renewal's park and amount on every sync outside SYNCED, also one synced before the copies existed", async () => {
    const [renewal] = await db.renewal.findMany({ orderBy: { id: "asc" }, take: 1 });
    const sync = await db.wechatSync.create({ data: { renewalId: renewal.id, status: "SYNCED" } });
    try {
      expect(sync).toMatchObject({ parkId: renewal.parkId, amountFen: renewal.amountFen, bookedAt: renewal.bookedAt });
      // A sync already SYNCED when the migration came has no copies; a forced resend gives it them.
      await db.wechatSync.update({ where: { id: sync.id }, data: { parkId: null, amountFen: null } });
      const resent = await db.wechatSync.update({ where: { id: sync.id }, data: { status: "PENDING" } });
      expect(resent).toMatchObject({ parkId: renewal.parkId, amountFen: renewal.amountFen });
      // Outside SYNCED, a sync without them is refused: the renewals list's rounds rely on them.
      await expect(db.wechatSync.update({ where: { id: sync.id }, data: { parkId: null } })).rejects.toThrow(/wechat_syncs_unsynced_copies/);
    } finally {
      await db.wechatSync.delete({ where: { id: sync.id } });
    }
  });

  it("finds exactly the renewals whose sync is in that status, paged in pay-time order, with their totals", async () => {
    const renewals = await db.renewal.findMany({ select: { id: true, parkId: true, amountFen: true }, orderBy: { id: "asc" } });
    // Every 7th renewal's sync failed, the rest synced.
    await db.wechatSync.createMany({ data: renewals.map((r, i) => ({ renewalId: r.id, status: i % 7 === 0 ? "FAILED" : "SYNCED" })) });
    try {
      const failed = renewals.filter((_, i) => i % 7 === 0);
      const seen = await walk({ sync: "FAILED" });
      expect(new Set(seen)).toEqual(new Set(failed.map((r) => r.id)));
      const booked = new Map((await db.renewal.findMany({ select: { id: true, bookedAt: true } })).map((r) => [r.id, r.bookedAt.getTime()]));
      const ordered = [...seen].sort((a, b) => booked.get(b)! - booked.get(a)! || b - a);
      expect(seen).toEqual(ordered); // newest first, id breaking ties, across pages

      const inP1 = failed.filter((r) => r.parkId === "P1");
      expect(await walk({ sync: "FAILED", park: "P1" })).toHaveLength(inP1.length); // other filters still apply
      expect(await renewalTotals(db, renewalsParams.parse({ sync: "FAILED" }).query)).toEqual({
        count: failed.length,
        amountFen: failed.reduce((sum, r) => sum + r.amountFen, 0),
        capped: false,
      });
      expect(await walk({ sync: "SYNCED" })).toHaveLength(renewals.length - failed.length);
      expect(await walk({ sync: "RETRYING" })).toEqual([]);
    } finally {
      await db.wechatSync.deleteMany();
    }
  });
});
