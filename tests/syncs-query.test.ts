// The WeChat sync list against PostgreSQL: each sync carries its renewal's pay time (copied by the
// database on insert), and both sorts walk every matching sync exactly once, in order, across pages.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { listSyncs } from "@/lib/queries/syncs";
import { syncsParams } from "@/lib/validations/syncs";
import { createTestDatabase } from "./helpers/database";

let db: Db;
const base = new Date("2026-11-01T00:00:00Z").getTime();

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  // 60 renewals over 2 parks, with runs of equal booked_at so the id tiebreak matters; inserted in
  // an order unlike their pay time, and their syncs updated in yet another order.
  await db.renewal.createMany({
    data: Array.from({ length: 60 }, (_, i) => ({
      idempotencyKey: `s:${i}`,
      unionId: "1",
      tradeNo: `S${i}`,
      parkId: `P${i % 2}`,
      payState: 1,
      amountFen: 100,
      sign: "x",
      dataText: "{}",
      rawBody: "{}",
      bookedAt: new Date(base + ((i * 7) % 20) * 3_600_000),
    })),
  });
  const renewals = await db.renewal.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  await db.wechatSync.createMany({ data: renewals.map((r, i) => ({ renewalId: r.id, status: i % 3 === 0 ? "FAILED" : "SYNCED" })) });
  const syncs = await db.wechatSync.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  for (const [i, sync] of syncs.entries()) {
    await db.wechatSync.update({ where: { id: sync.id }, data: { updatedAt: new Date(base + ((i * 11) % 17) * 60_000) } });
  }
});

async function walk(params: Record<string, string>) {
  const seen: { id: number; updatedAt: Date; bookedAt: Date }[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const page = await listSyncs(db, syncsParams.parse({ ...params, perPage: "25", ...(after ? { after } : {}) }).query);
    seen.push(...page.rows);
    if (!page.next) return seen;
    after = page.next;
  }
  throw new Error("pager did not end");
}

describe("sync list", () => {
  it("each sync has its renewal's pay time, set by the database whoever inserts it", async () => {
    const syncs = await db.wechatSync.findMany({ select: { bookedAt: true, renewal: { select: { bookedAt: true } } } });
    expect(syncs).toHaveLength(60);
    for (const sync of syncs) expect(sync.bookedAt).toEqual(sync.renewal.bookedAt);
  });

  it("sorts by last attempt, newest first, every sync once across pages", async () => {
    const rows = await walk({});
    expect(rows).toHaveLength(60);
    const ordered = [...rows].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || b.id - a.id);
    expect(rows.map((r) => r.id)).toEqual(ordered.map((r) => r.id));
  });

  it("sorts by pay time both ways with the status and park filters kept", async () => {
    for (const dir of ["desc", "asc"] as const) {
      const rows = await walk({ sort: "payTime", dir, status: "FAILED", park: "P0" });
      const expected = await db.wechatSync.findMany({ where: { status: "FAILED", renewal: { parkId: "P0" } }, orderBy: [{ renewal: { bookedAt: dir } }, { id: dir }] });
      expect(rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
      expect(rows.length).toBeGreaterThan(0);
    }
  });

  it("walks back with a before cursor to the same rows", async () => {
    const first = await listSyncs(db, syncsParams.parse({ sort: "payTime", perPage: "25" }).query);
    const second = await listSyncs(db, syncsParams.parse({ sort: "payTime", perPage: "25", after: first.next! }).query);
    const back = await listSyncs(db, syncsParams.parse({ sort: "payTime", perPage: "25", before: second.prev! }).query);
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
  });

  it("reads a filter on the renewal (a park across statuses or in SYNCED, a search) by ids first: the same rows, in order, and back", async () => {
    const filters: Record<string, string>[] = [{ park: "P1" }, { park: "P0", status: "SYNCED" }, { q: "S13" }, { park: "P1", sort: "payTime", dir: "asc" }];
    for (const params of filters) {
      const rows = await walk(params);
      const { query } = syncsParams.parse(params);
      const key = query.sort === "payTime" ? "bookedAt" : "updatedAt";
      const expected = await db.wechatSync.findMany({
        where: { ...(query.status ? { status: query.status } : {}), renewal: query.park ? { parkId: query.park } : { tradeNo: "S13" } },
        orderBy: [{ [key]: query.dir }, { id: query.dir }],
      });
      expect({ params, ids: rows.map((r) => r.id) }).toEqual({ params, ids: expected.map((r) => r.id) });
      expect(rows.length).toBeGreaterThan(0);
    }
    const first = await listSyncs(db, syncsParams.parse({ park: "P1", perPage: "25" }).query);
    const second = await listSyncs(db, syncsParams.parse({ park: "P1", perPage: "25", after: first.next! }).query);
    const back = await listSyncs(db, syncsParams.parse({ park: "P1", perPage: "25", before: second.prev! }).query);
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(second.rows.every((row) => row.renewal.parkId === "P1")).toBe(true);
  });
});
