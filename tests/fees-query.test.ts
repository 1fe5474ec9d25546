// The fee report as the page reads it (one statement: totals, chart, subtotals, one page of rows)
// and the mismatch flag's link: the renewals list it opens holds exactly the entries counted.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { mismatchHref } from "@/lib/fees/report";
import { feeReport, feeSummary, type FeeReport } from "@/lib/queries/fees";
import { listRenewals, renewalTotals } from "@/lib/queries/renewals";
import { parseFeesQuery, type FeesQuery } from "@/lib/validations/fees";
import { renewalsParams } from "@/lib/validations/renewals";
import { createTestDatabase } from "./helpers/database";

let db: Db;

type Entry = { at: string; park: string; company: number | null; amount: number; arrive: number | null; fee: number | null; payState?: number };

const entries: Entry[] = [
  // 2026-11-01 23:30 China time is still Nov 1; 2026-11-01 16:30Z is Nov 2 in China.
  { at: "2026-11-01T15:30:00Z", park: "A", company: 0, amount: 10000, arrive: 9900, fee: 100 },
  { at: "2026-11-01T16:30:00Z", park: "A", company: 0, amount: 10000, arrive: 9900, fee: 100 },
  { at: "2026-11-01T17:00:00Z", park: "A", company: 1, amount: 5000, arrive: 5000, fee: 10 }, // mismatch
  { at: "2026-11-02T01:00:00Z", park: "B", company: 0, amount: 2000, arrive: null, fee: null }, // mismatch (unknown)
  { at: "2026-11-02T02:00:00Z", park: "B", company: null, amount: 2000, arrive: 1990, fee: 0 }, // mismatch, no channel
  { at: "2026-11-02T03:00:00Z", park: "B", company: null, amount: 2000, arrive: 1990, fee: 10 },
  { at: "2026-11-02T04:00:00Z", park: "B", company: 0, amount: 2000, arrive: 1000, fee: 0, payState: 0 }, // failed payment: no fee entry
  { at: "2026-11-15T04:00:00Z", park: "A&B 1", company: 1, amount: 700, arrive: 600, fee: 0 }, // mismatch, awkward park id
  { at: "2026-12-01T01:00:00Z", park: "A", company: 0, amount: 3000, arrive: 3000, fee: 0 },
  { at: "2026-12-20T01:00:00Z", park: "A", company: 0, amount: 3000, arrive: 2000, fee: 0 }, // mismatch
];

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  for (const [i, e] of entries.entries()) {
    const payState = e.payState ?? 1;
    const renewal = await db.renewal.create({
      data: {
        idempotencyKey: `t:${i}`,
        unionId: "1",
        parkId: e.park,
        payState,
        payCompany: e.company,
        amountFen: e.amount,
        arriveMoneyFen: e.arrive,
        feeFen: e.fee,
        sign: "x",
        dataText: "{}",
        rawBody: "{}",
        bookedAt: new Date(e.at),
      },
    });
    if (payState !== 1) continue;
    await db.feeEntry.create({
      data: { renewalId: renewal.id, parkId: e.park, amountFen: e.amount, arriveMoneyFen: e.arrive, feeFen: e.fee, payCompany: e.company, bookedAt: new Date(e.at) },
    });
  }
});

const report = (params: Record<string, string>) => feeReport(db, parseFeesQuery(params));

describe("feeReport", () => {
  it("groups by China-time day × park × channel, with totals, the chart and whole-period subtotals", async () => {
    const result = await report({ from: "2026-11-01", to: "2026-11-30" });
    expect(result.rows).toEqual([
      { period: "2026-11-15", parkId: "A&B 1", payCompany: 1, count: 1, paidFen: 700, arrivedFen: 600, feeFen: 0, mismatched: 1 },
      { period: "2026-11-02", parkId: "A", payCompany: 0, count: 1, paidFen: 10000, arrivedFen: 9900, feeFen: 100, mismatched: 0 },
      { period: "2026-11-02", parkId: "A", payCompany: 1, count: 1, paidFen: 5000, arrivedFen: 5000, feeFen: 10, mismatched: 1 },
      { period: "2026-11-02", parkId: "B", payCompany: 0, count: 1, paidFen: 2000, arrivedFen: 0, feeFen: 0, mismatched: 1 },
      { period: "2026-11-02", parkId: "B", payCompany: null, count: 2, paidFen: 4000, arrivedFen: 3980, feeFen: 10, mismatched: 1 },
      { period: "2026-11-01", parkId: "A", payCompany: 0, count: 1, paidFen: 10000, arrivedFen: 9900, feeFen: 100, mismatched: 0 },
    ]);
    expect(result.totals).toEqual({ count: 7, paidFen: 31700, arrivedFen: 29380, feeFen: 220, mismatched: 4 });
    expect(result.series).toEqual([
      { period: "2026-11-01", paidFen: 10000 },
      { period: "2026-11-02", paidFen: 21000 },
      { period: "2026-11-15", paidFen: 700 },
    ]);
    expect(result.periods.find((p) => p.period === "2026-11-02")).toEqual({ period: "2026-11-02", groups: 4, count: 5, paidFen: 21000, arrivedFen: 18880, feeFen: 120, mismatched: 3 });
    expect([result.next, result.prev, result.following]).toEqual([null, null, null]);
  });

  it("groups by month and filters by park", async () => {
    const result = await report({ by: "month", from: "2026-11-01", to: "2026-12-31", park: "A" });
    expect(result.rows.map((r) => [r.period, r.payCompany, r.count, r.paidFen])).toEqual([
      ["2026-12", 0, 2, 6000],
      ["2026-11", 0, 2, 20000],
      ["2026-11", 1, 1, 5000],
    ]);
  });

  // Over every park the totals and the chart come from fee_day_totals, for one park from its groups: both must be the groups' sums.
  for (const params of [
    { from: "2026-10-01", to: "2026-12-31" },
    { by: "month", from: "2026-10-15", to: "2026-12-25" },
    { by: "month", from: "2026-11-01", to: "2026-11-30" },
    { from: "2026-11-01", to: "2026-12-31", park: "A" },
    { by: "month", from: "2026-10-02", to: "2026-12-31", park: "B" },
    { from: "2027-01-01", to: "2027-01-31" },
  ] as Record<string, string>[]) {
    it(`totals and chart equal the sums of the report's rows (${new URLSearchParams(params)})`, async () => {
      const query = parseFeesQuery(params);
      const [result, rows] = await Promise.all([feeReport(db, query), feeSummary(db, query)]);
      const sum = (key: "count" | "paidFen" | "arrivedFen" | "feeFen" | "mismatched") => rows.reduce((n, row) => n + row[key], 0);
      expect(result.totals).toEqual({ count: sum("count"), paidFen: sum("paidFen"), arrivedFen: sum("arrivedFen"), feeFen: sum("feeFen"), mismatched: sum("mismatched") });
      const series = new Map<string, number>();
      for (const row of [...rows].reverse()) series.set(row.period, (series.get(row.period) ?? 0) + row.paidFen);
      expect(result.series).toEqual([...series].map(([period, paidFen]) => ({ period, paidFen })));
    });
  }

  it("pages forward and back by row key, with the whole report's totals and chart on every page", async () => {
    const all = await report({ from: "2026-10-01", to: "2026-12-31", perPage: "100" });
    expect(all.rows).toEqual(await feeSummary(db, parseFeesQuery({ from: "2026-10-01", to: "2026-12-31" })));
    const pages: FeeReport[] = [];
    // The kit's smallest page is 25 rows; a report this small pages with a hand-set size.
    const query = (extra: Partial<FeesQuery>): FeesQuery => ({ ...parseFeesQuery({ from: "2026-10-01", to: "2026-12-31" }), perPage: 3, ...extra });
    let page = await feeReport(db, query({}));
    pages.push(page);
    while (page.next) {
      const cursor = cursorOf(page.next);
      page = await feeReport(db, query({ after: cursor }));
      pages.push(page);
    }
    expect(pages.flatMap((p) => p.rows)).toEqual(all.rows);
    expect(pages.map((p) => p.rows.length)).toEqual([3, 3, 2]);
    for (const p of pages) expect([p.totals, p.series]).toEqual([all.totals, all.series]);
    expect(pages[0].following).toEqual(pages[1].rows[0]);
    // Back from the last page lands on the page before it.
    const back = await feeReport(db, query({ before: cursorOf(pages[2].prev!) }));
    expect(back.rows).toEqual(pages[1].rows);
    expect(pages[0].prev).toBeNull();
  });
});

/** The page's cursor string as the kit's parser reads it back from the URL. */
function cursorOf(text: string) {
  return parseFeesQuery({ after: text }).after!;
}

describe("the mismatch flag's link", () => {
  /** Ids of the paid renewals counted as mismatched, by plain SQL over fee_entries: days, park, channel. */
  async function mismatchedIds(from: string, to: string, park?: string, channel?: string): Promise<number[]> {
    const rows = await db.$queryRawUnsafe<{ id: number }[]>(
      `SELECT renewal_id AS id FROM fee_entries
       WHERE (arrive_money_fen IS NULL OR fee_fen IS NULL OR amount_fen <> arrive_money_fen + fee_fen)
         AND (booked_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $1::date AND $2::date
         AND ($3::text IS NULL OR park_id = $3) AND ($4::text IS NULL OR coalesce(pay_company, -1) = (CASE $4 WHEN 'none' THEN -1 ELSE $4::int END))
       ORDER BY renewal_id`,
      from,
      to,
      park ?? null,
      channel ?? null,
    );
    return rows.map((row) => row.id);
  }

  /** Opens a link as the renewals page does: its URL through the list's own parser, then the list query. */
  async function follow(href: string) {
    const url = new URL(href, "http://console.test");
    expect(url.pathname).toBe("/renewals");
    const parsed = renewalsParams.parse({ ...Object.fromEntries(url.searchParams), perPage: "100" });
    expect(parsed.dropped).toEqual([]);
    const page = await listRenewals(db, parsed.query);
    const totals = await renewalTotals(db, parsed.query);
    expect(totals.count).toBe(page.rows.length);
    return { ids: page.rows.map((row) => row.id).sort((a, b) => a - b), params: url.searchParams };
  }

  for (const params of [
    { from: "2026-11-01", to: "2026-11-30" } as Record<string, string>,
    { by: "month", from: "2026-10-15", to: "2026-12-25" },
    { by: "month", from: "2026-11-01", to: "2026-12-31", park: "B" },
  ]) {
    it(`opens exactly the renewals each count stands for (${new URLSearchParams(params)})`, async () => {
      const query = parseFeesQuery(params);
      const result = await feeReport(db, query);
      const lines = [
        ...result.rows.map((row) => ({ sums: row, line: row })),
        ...result.periods.map((period) => ({ sums: period, line: { period: period.period } })),
        { sums: result.totals, line: {} },
      ];
      let linked = 0;
      for (const { sums, line } of lines) {
        const { ids, params: link } = await follow(mismatchHref(query, line));
        const expected = await mismatchedIds(link.get("from")!, link.get("to")!, link.get("park") ?? undefined, link.get("channel") ?? undefined);
        expect(ids, mismatchHref(query, line)).toEqual(expected);
        expect(ids.length).toBe(sums.mismatched);
        linked += ids.length ? 1 : 0;
      }
      expect(linked).toBeGreaterThan(0);
    });
  }

  it("leaves out failed payments, which have no fee entry whatever their amounts", async () => {
    const { ids } = await follow("/renewals?from=2026-11-02&to=2026-11-02&park=B&channel=0&mismatch=1");
    const failed = await db.renewal.findFirstOrThrow({ where: { payState: 0 } });
    expect(ids).not.toContain(failed.id);
    expect(ids).toHaveLength(1);
  });
});
