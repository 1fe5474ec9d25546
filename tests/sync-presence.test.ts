// sync_presence_anomalies against what it stands for — renewals whose having a sync disagrees with
// their payment — and the renewals totals for "no sync", which read "unpaid" while it is empty:
// bookings through the real callback route, re-deliveries, state-0 notices, concurrent bookings,
// then every edit by hand that breaks the rule, and back.
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { renewalTotals } from "@/lib/queries/renewals";
import { renewalsParams } from "@/lib/validations/renewals";
import { UNION_ID, bookingDatabase, postCallback, signedNotice, validData } from "./helpers/callback-ledger";

let db: Db;
bookingDatabase((created) => (db = created));

const notice = (tradeNo: string, extra: Record<string, unknown> = {}) => signedNotice({ ...validData(tradeNo), ...extra });

async function book(tradeNo: string, extra: Record<string, unknown> = {}) {
  const answer = await postCallback(notice(tradeNo, extra));
  expect(answer.state).toBe(1);
  return db.renewal.findFirstOrThrow({ where: { tradeNo }, select: { id: true } });
}

/** The table, and the renewals it stands for as a join computes them. */
async function anomaliesAndRaw() {
  const rows = await db.$queryRawUnsafe<{ id: number }[]>("SELECT renewal_id AS id FROM sync_presence_anomalies ORDER BY 1");
  const raw = await db.$queryRawUnsafe<{ id: number }[]>(`
    SELECT r.id FROM renewals r, LATERAL (SELECT EXISTS (SELECT FROM wechat_syncs s WHERE s.renewal_id = r.id) AS has) AS x
    WHERE NOT ((r.pay_state = 1 AND has) OR (r.pay_state = 0 AND NOT has)) ORDER BY 1`);
  return { table: rows.map((row) => row.id), raw: raw.map((row) => row.id) };
}

/** The "no sync" totals, alone and with each payment state and a park, against a count over the rows without a sync. */
async function expectNoSyncTotalsMatchRaw() {
  for (const extra of [{}, { payState: "0" }, { payState: "1" }, { park: "B" }] as Record<string, string>[]) {
    const [raw] = await db.$queryRawUnsafe<{ count: number; amount: number }[]>(
      `SELECT count(*)::int AS count, coalesce(sum(amount_fen), 0)::int AS amount FROM renewals r
       WHERE NOT EXISTS (SELECT FROM wechat_syncs s WHERE s.renewal_id = r.id)
         AND ($1::int IS NULL OR pay_state = $1::int) AND ($2::text IS NULL OR park_id = $2::text)`,
      extra.payState === undefined ? null : Number(extra.payState),
      extra.park ?? null,
    );
    const totals = await renewalTotals(db, renewalsParams.parse({ sync: "NONE", ...extra }).query);
    expect({ extra, totals }).toEqual({ extra, totals: { count: raw.count, amountFen: raw.amount, capped: false } });
  }
}

async function expectInStep() {
  const { table, raw } = await anomaliesAndRaw();
  expect(table).toEqual(raw);
  await expectNoSyncTotalsMatchRaw();
  return table;
}

describe("sync_presence_anomalies", () => {
  it("stays empty through bookings, re-deliveries, failed payments and concurrent bookings", async () => {
    await book("P1", { park_id: "A", amount: "30.00" });
    await book("P2", { park_id: "B", amount: "20.00" });
    await book("F1", { park_id: "B", state: 0, amount: "5.00" });
    await book("F2", { park_id: "A", state: 0, amount: "7.00" });
    expect((await postCallback(notice("P1", { park_id: "A", amount: "30.00" }))).state).toBe(1);
    expect((await postCallback(notice("F1", { park_id: "B", state: 0, amount: "5.00" }))).state).toBe(1);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => postCallback(notice(`C${i}`, { park_id: i % 2 ? "A" : "B", ...(i % 5 ? {} : { state: 0 }) }))),
    );
    expect(answers.every((answer) => answer.state === 1)).toBe(true);
    expect(await db.renewal.count({ where: { payState: 0 } })).toBe(8);
    expect(await expectInStep()).toEqual([]);
  });

  it("lists every renewal an edit by hand leaves out of step, and drops it once back in step", async () => {
    const paid = await book("P1", { park_id: "B", amount: "30.00" });
    const other = await book("P2", { park_id: "A", amount: "20.00" });
    const unpaid = await book("F1", { park_id: "B", state: 0, amount: "5.00" });
    await expectInStep();

    // A paid renewal's sync deleted: paid without a sync.
    await db.wechatSync.delete({ where: { renewalId: paid.id } });
    expect(await expectInStep()).toEqual([paid.id]);

    // A sync made for the unpaid renewal: both out of step.
    await db.wechatSync.create({ data: { renewalId: unpaid.id } });
    expect(await expectInStep()).toEqual([paid.id, unpaid.id].sort((a, b) => a - b));

    // The unpaid renewal marked paid by hand: its sync now belongs.
    await db.renewal.update({ where: { id: unpaid.id }, data: { payState: 1 } });
    expect(await expectInStep()).toEqual([paid.id]);

    // Another renewal's sync moved onto the paid one: the other is now without.
    await db.wechatSync.update({ where: { renewalId: other.id }, data: { renewalId: paid.id } });
    expect(await expectInStep()).toEqual([other.id]);

    // A payment state booking never writes, on a renewal without a sync; then set back.
    const failed = await book("F2", { park_id: "B", state: 0, amount: "3.00" });
    await db.renewal.update({ where: { id: failed.id }, data: { payState: 2 } });
    expect(await expectInStep()).toEqual([other.id, failed.id]);
    await db.renewal.update({ where: { id: failed.id }, data: { payState: 0 } });
    expect(await expectInStep()).toEqual([other.id]);

    // A paid renewal written outside booking, without a sync; then given one.
    const outside = await db.renewal.create({
      data: { idempotencyKey: "t:x:OUT", unionId: UNION_ID, tradeNo: "OUT", parkId: "B", payState: 1, amountFen: 900, sign: "x", dataText: "{}", rawBody: "{}", bookedAt: new Date() },
    });
    expect(await expectInStep()).toEqual([other.id, outside.id]);
    await db.wechatSync.create({ data: { renewalId: outside.id } });
    expect(await expectInStep()).toEqual([other.id]);

    // An out-of-step renewal deleted: its row goes with it.
    await db.wechatSync.delete({ where: { renewalId: outside.id } });
    expect(await expectInStep()).toEqual([other.id, outside.id]);
    await db.renewal.delete({ where: { id: outside.id } });
    expect(await expectInStep()).toEqual([other.id]);
    await db.wechatSync.create({ data: { renewalId: other.id } });
    expect(await expectInStep()).toEqual([]);

    // Every sync gone at once: each paid renewal is without one.
    await db.$executeRawUnsafe("TRUNCATE wechat_syncs CASCADE");
    expect(await expectInStep()).toEqual([paid.id, other.id, unpaid.id].sort((a, b) => a - b));
    await db.$executeRawUnsafe("TRUNCATE renewals CASCADE");
    expect(await expectInStep()).toEqual([]);
  });
});
