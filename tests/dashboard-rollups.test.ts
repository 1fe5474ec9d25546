// The dashboard's rollups (fee_daily, fee_monthly, fee_day_totals, sync_status_counts) against the raw aggregation they
// replace: bookings through the real callback route, re-deliveries, conflicts, state-0 notices,
// several parks, channels and China-time days, hand-made edits, and every sync transition.
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { feeSummary } from "@/lib/queries/fees";
import { overview } from "@/lib/queries/overview";
import { syncStatusCounts } from "@/lib/queries/syncs";
import { parseFeesQuery } from "@/lib/validations/fees";
import { bookingDatabase, postCallback, signedNotice, validData } from "./helpers/callback-ledger";

let db: Db;
bookingDatabase((created) => (db = created));

const unix = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

/** One notice; `extra` overrides validData's fields (null removes one). */
function notice(tradeNo: string, extra: Record<string, unknown>, envelope: Record<string, unknown> = {}): string {
  const data: Record<string, unknown> = { ...validData(tradeNo), ...extra };
  for (const [key, value] of Object.entries(data)) if (value === null) delete data[key];
  return signedNotice(data, envelope);
}

/** The rollup's rows as the raw GROUP BY over fee_entries computes them, and as stored. */
async function rollupAndRaw() {
  const raw = await db.$queryRawUnsafe<unknown[]>(`
    SELECT to_char((booked_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS day, park_id, coalesce(pay_company, -1) AS pay_company,
           count(*)::int AS count, sum(amount_fen)::bigint AS paid, coalesce(sum(arrive_money_fen), 0)::bigint AS arrived,
           coalesce(sum(fee_fen), 0)::bigint AS fee,
           (count(*) FILTER (WHERE arrive_money_fen IS NULL OR fee_fen IS NULL OR amount_fen <> arrive_money_fen + fee_fen))::int AS mismatched
    FROM fee_entries GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
  const rollup = await db.$queryRawUnsafe<unknown[]>(`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, park_id, pay_company, count, paid_fen AS paid, arrived_fen AS arrived, fee_fen AS fee, mismatched
    FROM fee_daily ORDER BY 1, 2, 3`);
  const rawMonths = await db.$queryRawUnsafe<unknown[]>(`
    SELECT to_char(booked_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, park_id, coalesce(pay_company, -1) AS pay_company,
           count(*)::int AS count, sum(amount_fen)::bigint AS paid, coalesce(sum(arrive_money_fen), 0)::bigint AS arrived,
           coalesce(sum(fee_fen), 0)::bigint AS fee,
           (count(*) FILTER (WHERE arrive_money_fen IS NULL OR fee_fen IS NULL OR amount_fen <> arrive_money_fen + fee_fen))::int AS mismatched
    FROM fee_entries GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
  const months = await db.$queryRawUnsafe<unknown[]>(`
    SELECT to_char(month, 'YYYY-MM') AS month, park_id, pay_company, count, paid_fen AS paid, arrived_fen AS arrived, fee_fen AS fee, mismatched
    FROM fee_monthly ORDER BY 1, 2, 3`);
  const rawDays = await db.$queryRawUnsafe<unknown[]>(`
    SELECT to_char((booked_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS day, count(*)::int AS count, sum(amount_fen)::bigint AS paid,
           coalesce(sum(arrive_money_fen), 0)::bigint AS arrived, coalesce(sum(fee_fen), 0)::bigint AS fee,
           (count(*) FILTER (WHERE arrive_money_fen IS NULL OR fee_fen IS NULL OR amount_fen <> arrive_money_fen + fee_fen))::int AS mismatched
    FROM fee_entries GROUP BY 1 ORDER BY 1`);
  // fee_day_totals: only a day's sum over its shards counts; a day summing to nothing at all must have no entries.
  const days = await db.$queryRawUnsafe<unknown[]>(`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(count)::int AS count, sum(paid_fen)::bigint AS paid, sum(arrived_fen)::bigint AS arrived,
           sum(fee_fen)::bigint AS fee, sum(mismatched)::int AS mismatched
    FROM fee_day_totals GROUP BY day
    HAVING (sum(count), sum(paid_fen), sum(arrived_fen), sum(fee_fen), sum(mismatched)) <> (0, 0, 0, 0, 0) ORDER BY 1`);
  return { raw, rollup, rawMonths, months, rawDays, days };
}

/** fee_entries summed the way feeSummary did before the rollup (China-time periods × park × channel). */
async function rawFeeSummary(by: "day" | "month", from: string, to: string, park: string | null = null) {
  const rows = await db.$queryRawUnsafe<
    { period: string; park_id: string; pay_company: number | null; count: bigint; paid: bigint; arrived: bigint | null; fee: bigint | null; mismatched: bigint }[]
  >(
    `SELECT to_char(date_trunc($1, booked_at AT TIME ZONE 'Asia/Shanghai'), $2) AS period, park_id, pay_company,
            count(*) AS count, sum(amount_fen) AS paid, sum(arrive_money_fen) AS arrived, sum(fee_fen) AS fee,
            count(*) FILTER (WHERE arrive_money_fen IS NULL OR fee_fen IS NULL OR amount_fen <> arrive_money_fen + fee_fen) AS mismatched
     FROM fee_entries
     WHERE booked_at >= ($3 || 'T00:00:00+08:00')::timestamptz AND booked_at < ($4 || 'T00:00:00+08:00')::timestamptz + interval '1 day'
       AND ($5::text IS NULL OR park_id = $5)
     GROUP BY date_trunc($1, booked_at AT TIME ZONE 'Asia/Shanghai'), park_id, pay_company
     ORDER BY date_trunc($1, booked_at AT TIME ZONE 'Asia/Shanghai') DESC, park_id, pay_company`,
    by,
    by === "month" ? "YYYY-MM" : "YYYY-MM-DD",
    from,
    to,
    park,
  );
  return rows.map((row) => ({
    period: row.period,
    parkId: row.park_id,
    payCompany: row.pay_company,
    count: Number(row.count),
    paidFen: Number(row.paid),
    arrivedFen: Number(row.arrived ?? 0),
    feeFen: Number(row.fee ?? 0),
    mismatched: Number(row.mismatched),
  }));
}

async function expectFeesMatchRaw() {
  const { raw, rollup, rawMonths, months, rawDays, days } = await rollupAndRaw();
  expect(rollup).toEqual(raw);
  expect(months).toEqual(rawMonths);
  expect(days).toEqual(rawDays);
  for (const [by, from, to, park] of [
    ["day", "2026-10-01", "2026-12-31", null],
    ["day", "2026-11-02", "2026-11-02", null],
    ["month", "2026-01-01", "2026-12-31", null],
    ["month", "2026-11-01", "2026-12-31", "B"],
    // Partial months at either end come from the days, whole ones from fee_monthly.
    ["month", "2026-10-15", "2026-12-15", null],
    ["month", "2026-11-02", "2026-11-20", null],
    ["month", "2026-10-31", "2026-11-30", null],
    ["month", "2026-11-01", "2026-11-01", "A"],
  ] as const) {
    expect(await feeSummary(db, parseFeesQuery({ by, from, to, park: park ?? undefined }))).toEqual(await rawFeeSummary(by, from, to, park));
  }
}

async function expectSyncCountsMatchRaw() {
  const raw = await db.$queryRawUnsafe<{ status: string; count: number }[]>("SELECT status::text, count(*)::int AS count FROM wechat_syncs GROUP BY 1");
  const counts = await syncStatusCounts(db);
  const expected = Object.fromEntries(Object.keys(counts).map((status) => [status, 0]));
  for (const row of raw) expected[row.status] = row.count;
  expect(counts).toEqual(expected);
  // And shard by shard: each shard is exactly the syncs with that id % 64.
  const [{ off }] = await db.$queryRawUnsafe<{ off: number }[]>(`
    SELECT count(*)::int AS off FROM sync_status_counts c
    FULL JOIN (SELECT status, (id % 64)::smallint AS shard, count(*) AS n FROM wechat_syncs GROUP BY 1, 2) r USING (status, shard)
    WHERE coalesce(c.count, 0) <> coalesce(r.n, 0)`);
  expect(off).toBe(0);
}

describe("fee_daily, fee_monthly and fee_day_totals rollups", () => {
  it("equals the raw aggregation after bookings, re-deliveries, conflicts and state-0 notices across the China-time day boundary", async () => {
    const accepted = async (body: string) => expect((await postCallback(body)).state).toBe(1);
    const bookings = [
      // Nov 1 23:59:59 and Nov 2 00:00:00 in China: two days, though both are Nov 1 in UTC.
      notice("T1", { park_id: "A", pay_company: 0, pay_time: unix("2026-11-01T15:59:59Z") }),
      notice("T2", { park_id: "A", pay_company: 0, pay_time: unix("2026-11-01T16:00:00Z") }),
      notice("T3", { park_id: "A", pay_company: 1, pay_time: unix("2026-11-01T16:00:00Z"), amount: "30.00", arrive_money: "29.00", fee: "0.50" }), // mismatch
      notice("T4", { park_id: "B", pay_time: unix("2026-11-02T03:00:00Z"), amount: "99.99", arrive_money: "99.00", fee: "0.99" }), // no channel
      notice("T5", { park_id: "B", pay_company: 1, pay_time: unix("2026-11-30T16:30:00Z") }), // Dec 1 in China
      notice("T6", { park_id: "C", pay_company: 0, pay_time: unix("2026-10-31T20:00:00Z"), arrive_money: null, fee: null }, { type: 1 }), // third party, amounts unknown
      notice("T7", { park_id: "C", pay_company: 1, pay_time: unix("2026-12-31T15:59:00Z") }),
    ];
    for (const body of bookings) await accepted(body);
    // Re-deliveries of the same notice, one at a time and concurrently: booked once.
    for (const body of bookings.slice(0, 3)) await accepted(body);
    await Promise.all(bookings.slice(3).flatMap((body) => [postCallback(body), postCallback(body)]));
    // A re-delivery with a different amount books nothing (kept as a conflict).
    await accepted(notice("T2", { park_id: "A", pay_company: 0, pay_time: unix("2026-11-01T16:00:00Z"), amount: "999.00" }));
    // A failed payment is stored, never booked.
    await accepted(notice("F1", { park_id: "A", pay_company: 0, state: 0, pay_time: unix("2026-11-02T01:00:00Z") }));

    expect(await db.renewal.count()).toBe(8);
    expect(await db.renewalConflict.count()).toBe(1);
    expect(await db.feeEntry.count()).toBe(7);
    await expectFeesMatchRaw();
    const [{ count }] = await db.$queryRawUnsafe<{ count: number }[]>("SELECT sum(count)::int AS count FROM fee_daily");
    expect(count).toBe(7);
    // Spot checks by hand: the boundary split and the conflicting amount left out.
    const nov = await feeSummary(db, parseFeesQuery({ by: "day", from: "2026-11-01", to: "2026-11-02", park: "A" }));
    expect(nov.map((r) => [r.period, r.payCompany, r.count, r.paidFen, r.mismatched])).toEqual([
      ["2026-11-02", 0, 1, 12050, 0],
      ["2026-11-02", 1, 1, 3000, 1],
      ["2026-11-01", 0, 1, 12050, 0],
    ]);
    await expectSyncCountsMatchRaw();
  });

  it("follows concurrent bookings on shared days, parks and channels exactly", async () => {
    const bodies = Array.from({ length: 60 }, (_, i) =>
      notice(`K${i}`, { park_id: `P${i % 3}`, pay_company: i % 2, pay_time: unix("2026-11-10T15:00:00Z") + (i % 4) * 1800, amount: `${10 + i}.00`, arrive_money: `${9 + i}.50`, fee: "0.50" }),
    );
    const answers = await Promise.all(bodies.map((body) => postCallback(body)));
    expect(answers.every((a) => a.state === 1)).toBe(true);
    await expectFeesMatchRaw();
    await expectSyncCountsMatchRaw();
  });

  it("follows hand-made edits, deletions and a TRUNCATE, and never keeps an empty group", async () => {
    for (const [i, park] of ["A", "A", "B"].entries()) {
      await postCallback(notice(`E${i}`, { park_id: park, pay_company: 0, pay_time: unix("2026-11-05T04:00:00Z") }));
    }
    // History as the fee_day_totals migration left it: each day's sums in shard 0, filled from fee_daily.
    await db.$executeRawUnsafe("DELETE FROM fee_day_totals");
    await db.$executeRawUnsafe(`
      INSERT INTO fee_day_totals (day, shard, count, paid_fen, arrived_fen, fee_fen, mismatched)
      SELECT day, 0, sum(count), sum(paid_fen), sum(arrived_fen), sum(fee_fen), sum(mismatched) FROM fee_daily GROUP BY day`);
    await expectFeesMatchRaw();
    const [first] = await db.feeEntry.findMany({ where: { parkId: "A" }, orderBy: { id: "asc" } });
    // An operator's correction by hand: moved to another day and channel, amount fixed.
    await db.feeEntry.update({ where: { id: first.id }, data: { bookedAt: new Date("2026-11-06T17:00:00Z"), payCompany: null, feeFen: 10 } });
    await expectFeesMatchRaw();
    await db.$executeRawUnsafe("UPDATE fee_entries SET park_id = 'B' WHERE park_id = 'A'");
    await expectFeesMatchRaw();
    await db.$executeRawUnsafe("DELETE FROM fee_entries WHERE id = $1", first.id);
    await expectFeesMatchRaw();
    expect(await db.$queryRawUnsafe("SELECT * FROM fee_daily WHERE count = 0")).toEqual([]);
    expect(await db.$queryRawUnsafe("SELECT * FROM fee_monthly WHERE count = 0")).toEqual([]);
    await db.$executeRawUnsafe("TRUNCATE fee_entries, wechat_syncs CASCADE");
    expect(await rollupAndRaw()).toEqual({ raw: [], rollup: [], rawMonths: [], months: [], rawDays: [], days: [] });
    expect(await db.$queryRawUnsafe("SELECT * FROM fee_day_totals")).toEqual([]);
    await expectSyncCountsMatchRaw();
  });

  it("feeds the overview's today, month and 30-day chart in China time", async () => {
    const now = new Date("2026-11-22T04:00:00Z"); // 12:00 in China
    const at = [
      ["2026-11-21T16:00:00Z", "100.00"], // today, 00:00 China
      ["2026-11-21T15:59:59Z", "200.00"], // yesterday 23:59:59 China
      ["2026-10-31T16:00:00Z", "300.00"], // Nov 1 China: this month
      ["2026-10-31T15:59:59Z", "400.00"], // Oct 31 China: 22 days ago, in the chart but not this month
      ["2026-10-20T00:00:00Z", "500.00"], // outside the chart
    ] as const;
    for (const [i, [time, amount]] of at.entries()) {
      await postCallback(notice(`O${i}`, { park_id: `P${i}`, pay_company: i % 2, pay_time: unix(time), amount, arrive_money: amount, fee: "0.00" }));
    }
    const data = await overview(db, now);
    expect(data.today).toEqual({ count: 1, paidFen: 10000, arrivedFen: 10000, feeFen: 0 });
    expect(data.month).toEqual({ count: 3, paidFen: 60000, arrivedFen: 60000, feeFen: 0 });
    const series = Object.fromEntries(data.days.map((day, i) => [day, data.paidSeries[i]]).filter(([, value]) => value));
    expect(series).toEqual({ "2026-10-31": 40000, "2026-11-01": 30000, "2026-11-21": 20000, "2026-11-22": 10000 });
  });
});

describe("sync_status_counts", () => {
  it("equals a GROUP BY over wechat_syncs after a mix of transitions", async () => {
    for (let i = 0; i < 140; i++) {
      await postCallback(notice(`S${i}`, { park_id: `P${i % 5}`, pay_time: unix("2026-11-03T02:00:00Z") + i }));
    }
    await expectSyncCountsMatchRaw();
    const ids = (await db.wechatSync.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((s) => s.id);
    // Lease claims and heartbeats change no status.
    await db.$executeRawUnsafe("UPDATE wechat_syncs SET lease_owner = 'w1', lease_expires_at = now() + interval '1 minute' WHERE id = ANY($1)", ids.slice(0, 70));
    await expectSyncCountsMatchRaw();
    // Pushes concurrently: synced, retried, failed, each in its own transaction.
    await Promise.all(
      ids.slice(0, 70).map((id, i) =>
        db.wechatSync.update({ where: { id }, data: { status: ["SYNCED", "RETRYING", "FAILED", "SYNCED"][i % 4] as "SYNCED", leaseOwner: null } }),
      ),
    );
    await expectSyncCountsMatchRaw();
    // A statement that sets some rows to the status they already have and moves others.
    await db.$executeRawUnsafe("UPDATE wechat_syncs SET status = 'FAILED' WHERE status IN ('RETRYING', 'FAILED')");
    await expectSyncCountsMatchRaw();
    // An operator resends every failed sync while the worker records outcomes on others.
    await Promise.all([
      db.wechatSync.updateMany({ where: { status: "FAILED" }, data: { status: "PENDING", attemptCount: 0 } }),
      ...ids.slice(100, 120).map((id) => db.wechatSync.update({ where: { id }, data: { status: "SYNCED" } })),
    ]);
    await expectSyncCountsMatchRaw();
    // A rolled-back change leaves no trace.
    await expect(
      db.$transaction(async (tx) => {
        await tx.wechatSync.updateMany({ where: { status: "SYNCED" }, data: { status: "FAILED" } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await expectSyncCountsMatchRaw();
    // Syncs go with their renewal.
    await db.$executeRawUnsafe("DELETE FROM card_periods WHERE renewal_id IN (SELECT renewal_id FROM wechat_syncs WHERE id = ANY($1))", ids.slice(130));
    await db.$executeRawUnsafe("DELETE FROM fee_entries WHERE renewal_id IN (SELECT renewal_id FROM wechat_syncs WHERE id = ANY($1))", ids.slice(130));
    await db.$executeRawUnsafe("DELETE FROM renewals WHERE id IN (SELECT renewal_id FROM wechat_syncs WHERE id = ANY($1))", ids.slice(130));
    expect(await db.wechatSync.count()).toBe(130);
    await expectSyncCountsMatchRaw();
    await expectFeesMatchRaw();
  });
});
