// Child process of bench/queries.ts (run with --conditions=react-server, as Next.js runs
// lib/queries/*): times the dashboard's own query functions against a seeded database — each
// list, the fee report, and every page's whole set of queries as the page runs them (at once) —
// and EXPLAIN (ANALYZE, BUFFERS)es the exact SQL each one sent.
// argv: <database url> <runs> <result file>
import fs from "node:fs";
import os from "node:os";
import pg from "pg";
import { SESSION_SETTINGS, createPrismaClient } from "../lib/db/client";
import { listCards } from "../lib/queries/cards";
import { feeReport } from "../lib/queries/fees";
import { overview } from "../lib/queries/overview";
import { getRenewal, listRenewals, renewalTotals } from "../lib/queries/renewals";
import { syncsWhere } from "../lib/queries/syncs-filter";
import { listSyncs, syncStatusCounts } from "../lib/queries/syncs";
import { failureGroups } from "../lib/sync/failure-groups";
import { PAUSED_SETTING } from "../lib/sync/settings";
import { cardsParams } from "../lib/validations/cards";
import { parseFeesQuery } from "../lib/validations/fees";
import { renewalsParams } from "../lib/validations/renewals";
import { syncsParams } from "../lib/validations/syncs";
import { percentile } from "./machine";

const [url, runsArg, resultFile] = process.argv.slice(2);
const runs = Number(runsArg);

// Every statement Prisma's pg adapter sends goes through pg.Client#query; record it while asked to.
let captured: { text: string; values: unknown[] }[] | null = null;
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const config = args[0] as string | { text: string; values?: unknown[] };
  if (captured) captured.push(typeof config === "string" ? { text: config, values: (args[1] as unknown[]) ?? [] } : { text: config.text, values: config.values ?? [] });
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

const db = createPrismaClient(url);
const sql = new pg.Client({ connectionString: url });
await sql.connect();
// EXPLAIN must plan as the app's own connections do.
await sql.query(SESSION_SETTINGS);
const one = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => (await sql.query<T>(text, values)).rows[0];

const day = (date: Date) => date.toISOString().slice(0, 10);
const daysAgo = (n: number) => day(new Date(Date.now() - n * 86_400_000));
// The planner's row estimate, not count(*): counting ten million rows is what the dashboard must not do.
const { count } = await one<{ count: string }>("SELECT reltuples::bigint AS count FROM pg_class WHERE relname = 'renewals'");
// Inputs an operator would plausibly type, taken from the data so that they match something.
const { park_id: park } = await one<{ park_id: string }>("SELECT park_id FROM parks ORDER BY park_id OFFSET 42 LIMIT 1");
const { max } = await one<{ max: number }>("SELECT max(id) AS max FROM renewals");
const middle = await one<{ id: number; car_number: string; trade_no: string }>("SELECT id, car_number, trade_no FROM renewals WHERE id >= $1 ORDER BY id LIMIT 1", [Math.floor(max / 2)]);
// A position 90 % of the way down the newest-first list, found on the index (no OFFSET over millions).
const { min: oldest } = await one<{ min: Date }>("SELECT min(booked_at) AS min FROM renewals");
const deepAt = new Date(Date.now() - 0.9 * (Date.now() - oldest.getTime()));
const deep = await one<{ booked_at: Date; id: number }>("SELECT booked_at, id FROM renewals WHERE booked_at <= $1 ORDER BY booked_at DESC, id DESC LIMIT 1", [deepAt]);
// The same depth in amount order (kit sort): OFFSET only here, once, to find the position.
const deepAmount = await one<{ amount_fen: number; id: number }>("SELECT amount_fen, id FROM renewals ORDER BY amount_fen DESC, id DESC OFFSET $1 LIMIT 1", [Math.floor(Number(count) * 0.9)]);
// What booth staff type: part of the plate, lower case, without the province character.
const partialPlate = middle.car_number.slice(1).toLowerCase();
const failedCode = (await one<{ last_code: string | null }>("SELECT last_code FROM wechat_syncs WHERE status = 'FAILED' LIMIT 1"))?.last_code ?? "PARAM_ERROR";

/** What app/(dashboard)/sync/page.tsx asks the database for, at once, as the page does. */
async function syncPage(params: Record<string, string>) {
  const { query } = syncsParams.parse(params);
  const filter = { code: query.code, park: query.park, from: query.from, to: query.to, q: query.q };
  return Promise.all([
    listSyncs(db, query),
    syncStatusCounts(db),
    db.wechatSync.count({ where: syncsWhere({ ...filter, status: "FAILED" }) }),
    db.setting.findUnique({ where: { key: PAUSED_SETTING } }),
  ]);
}

// What the rollups replaced, timed on the same data as the "before" column (fewer runs: they are slow).
const REFERENCE = "before (no rollup): ";
const reference = {
  feesMonthByPark: (from: string) =>
    db.$queryRaw`
      SELECT to_char(p, 'YYYY-MM') AS period, park_id, pay_company, count, paid, arrived, fee, mismatched
      FROM (SELECT date_trunc('month', booked_at AT TIME ZONE 'Asia/Shanghai') AS p, park_id, pay_company,
                   count(*) AS count, sum(amount_fen) AS paid, sum(arrive_money_fen) AS arrived, sum(fee_fen) AS fee,
                   count(*) FILTER (WHERE arrive_money_fen IS NULL OR fee_fen IS NULL OR amount_fen <> arrive_money_fen + fee_fen) AS mismatched
            FROM fee_entries WHERE booked_at >= ${new Date(`${from}T00:00:00+08:00`)} GROUP BY 1, 2, 3) AS groups
      ORDER BY p DESC, park_id, pay_company`,
  statusCounts: () => db.wechatSync.groupBy({ by: ["status"], _count: { _all: true } }),
  overviewSums: (since: Date) =>
    db.$queryRaw`
      SELECT to_char(booked_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, count(*), sum(amount_fen), sum(arrive_money_fen), sum(fee_fen)
      FROM fee_entries WHERE booked_at >= ${since} GROUP BY 1 ORDER BY 1`,
};

const queries: { name: string; run: () => Promise<unknown>; runs?: number }[] = [
  { name: `${REFERENCE}fees, month × park, 2 years`, run: () => reference.feesMonthByPark(daysAgo(730)), runs: 5 },
  { name: `${REFERENCE}sync status GROUP BY`, run: () => reference.statusCounts(), runs: 5 },
  { name: `${REFERENCE}overview fee sums, 31 days`, run: () => reference.overviewSums(new Date(Date.now() - 31 * 86_400_000)), runs: 5 },
  { name: "overview page (all its queries)", run: () => overview(db) },
  // The fee report as the page reads it: totals, chart, subtotals and one page of rows in one statement.
  { name: "fees page, this month by day", run: () => feeReport(db, parseFeesQuery({})) },
  { name: "fees, month × park, 2 years", run: () => feeReport(db, parseFeesQuery({ by: "month", from: daysAgo(730), to: daysAgo(0) })) },
  { name: "fees, every park by day, 2 years", run: () => feeReport(db, parseFeesQuery({ by: "day", from: daysAgo(730), to: daysAgo(0) })) },
  { name: "fees, one park by day, 2 years", run: () => feeReport(db, parseFeesQuery({ by: "day", from: daysAgo(730), to: daysAgo(0), park })) },
  { name: "sync status counts", run: () => syncStatusCounts(db) },
  { name: "sync page (all its queries)", run: () => syncPage({}) },
  { name: "sync page, failed + code", run: () => syncPage({ status: "FAILED", code: failedCode }) },
  { name: "sync page, failed in one park", run: () => syncPage({ status: "FAILED", park }) },
  { name: "sync page, failed by pay time", run: () => syncPage({ status: "FAILED", sort: "payTime" }) },
  { name: "sync page, one code", run: () => syncPage({ code: failedCode }) },
  { name: "sync failures view", run: () => failureGroups(db) },
  { name: "sync page, one park, any status", run: () => syncPage({ park }) },
  { name: "sync page, synced in one park", run: () => syncPage({ status: "SYNCED", park }) },
  { name: "sync page, by pay time", run: () => syncPage({ sort: "payTime" }) },
  // The renewals' deep position as a sync cursor: about as deep (a sync's id is near its renewal's).
  { name: "sync page, by pay time at 90 % depth", run: () => syncPage({ sort: "payTime", after: syncsParams.cursor("payTime", deep.booked_at, deep.id) }) },
  { name: "renewals, first page", run: () => listRenewals(db, renewalsParams.parse({}).query) },
  { name: "renewals, park + 3 months", run: () => listRenewals(db, renewalsParams.parse({ park, from: daysAgo(120), to: daysAgo(30) }).query) },
  { name: "renewals, plate search", run: () => listRenewals(db, renewalsParams.parse({ q: middle.car_number }).query) },
  { name: "renewals, trade_no search", run: () => listRenewals(db, renewalsParams.parse({ q: middle.trade_no }).query) },
  { name: "renewals, page at 90 % depth", run: () => listRenewals(db, renewalsParams.parse({ after: renewalsParams.cursor("payTime", deep.booked_at, deep.id) }).query) },
  { name: "renewals, oldest first", run: () => listRenewals(db, renewalsParams.parse({ dir: "asc" }).query) },
  { name: "renewals, fee mismatches", run: () => listRenewals(db, renewalsParams.parse({ mismatch: "1" }).query) },
  { name: "renewals, fee mismatches, one park + month", run: () => listRenewals(db, renewalsParams.parse({ mismatch: "1", park, from: daysAgo(60), to: daysAgo(30) }).query) },
  { name: "renewals, totals, fee mismatches", run: () => renewalTotals(db, renewalsParams.parse({ mismatch: "1" }).query) },
  { name: "renewals, failed syncs", run: () => listRenewals(db, renewalsParams.parse({ sync: "FAILED" }).query) },
  { name: "renewals, failed syncs, by amount", run: () => listRenewals(db, renewalsParams.parse({ sync: "FAILED", sort: "amount" }).query) },
  { name: "renewals, failed syncs, by park", run: () => listRenewals(db, renewalsParams.parse({ sync: "FAILED", sort: "park" }).query) },
  { name: "renewals, failed syncs in one park", run: () => listRenewals(db, renewalsParams.parse({ sync: "FAILED", park }).query) },
  { name: "renewals, totals, failed syncs in one park", run: () => renewalTotals(db, renewalsParams.parse({ sync: "FAILED", park }).query) },
  { name: "renewals, one park by amount", run: () => listRenewals(db, renewalsParams.parse({ park, sort: "amount" }).query) },
  { name: "renewals, failed payments", run: () => listRenewals(db, renewalsParams.parse({ payState: "0" }).query) },
  { name: "renewals, totals, failed payments", run: () => renewalTotals(db, renewalsParams.parse({ payState: "0" }).query) },
  { name: "renewals, no channel", run: () => listRenewals(db, renewalsParams.parse({ channel: "none" }).query) },
  { name: "renewals, totals, no channel", run: () => renewalTotals(db, renewalsParams.parse({ channel: "none" }).query) },
  { name: "renewals, no sync", run: () => listRenewals(db, renewalsParams.parse({ sync: "NONE" }).query) },
  { name: "renewals, totals, no sync", run: () => renewalTotals(db, renewalsParams.parse({ sync: "NONE" }).query) },
  { name: "renewals, totals, synced in one park", run: () => renewalTotals(db, renewalsParams.parse({ sync: "SYNCED", park }).query) },
  { name: "renewals, partial lowercase plate", run: () => listRenewals(db, renewalsParams.parse({ q: partialPlate }).query) },
  { name: "renewals, partial trade_no (last 10)", run: () => listRenewals(db, renewalsParams.parse({ q: middle.trade_no.slice(-10) }).query) },
  { name: "renewals, by amount", run: () => listRenewals(db, renewalsParams.parse({ sort: "amount" }).query) },
  { name: "renewals, by amount at 90 % depth", run: () => listRenewals(db, renewalsParams.parse({ sort: "amount", after: renewalsParams.cursor("amount", deepAmount.amount_fen, deepAmount.id) }).query) },
  { name: "renewals, by park", run: () => listRenewals(db, renewalsParams.parse({ sort: "park" }).query) },
  { name: "renewals, totals (capped), no filter", run: () => renewalTotals(db, renewalsParams.parse({}).query) },
  { name: "renewals, totals, one park + 3 months", run: () => renewalTotals(db, renewalsParams.parse({ park, from: daysAgo(120), to: daysAgo(30) }).query) },
  { name: "renewal detail", run: () => getRenewal(db, middle.id) },
  { name: "cards expiring soon", run: () => listCards(db, cardsParams.parse({ status: "expiring" }).query) },
  { name: "cards, most days left first", run: () => listCards(db, cardsParams.parse({ dir: "desc" }).query) },
];

const round = (n: number) => Math.round(n * 10) / 10;
const results = [];
for (const query of queries) {
  for (let i = 0; i < (query.runs ? 1 : 2); i++) await query.run(); // warm: plan cache, buffers, JIT
  const load = os.loadavg()[0];
  const times: number[] = [];
  for (let i = 0; i < (query.runs ?? runs); i++) {
    const started = performance.now();
    await query.run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  captured = [];
  await query.run();
  const statements = captured;
  captured = null;
  const plans = [];
  for (const statement of statements) {
    if (/^\s*(BEGIN|COMMIT|ROLLBACK|SET|SHOW|DEALLOCATE)\b/i.test(statement.text)) continue;
    const plan = await sql.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
    const text = plan.rows.map((row) => row["QUERY PLAN"]).join("\n");
    plans.push({ sql: statement.text, plan: text });
  }
  const allPlans = plans.map((p) => p.plan).join("\n");
  const indexes = [...new Set([...allPlans.matchAll(/(?:Index (?:Only )?Scan(?: Backward)? using|Bitmap Index Scan on) (\S+)/g)].map((m) => m[1]))];
  const seqScans = [...new Set([...allPlans.matchAll(/Seq Scan on (\S+)/g)].map((m) => m[1]))];
  const load1m = round((load + os.loadavg()[0]) / 2);
  results.push({ name: query.name, runs: query.runs ?? runs, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(times.at(-1)!), load1m, indexes, seqScans, plans });
  console.error(`queries: ${query.name.padEnd(34)} p50 ${round(percentile(times, 50))} ms, p95 ${round(percentile(times, 95))} ms (load ${load1m})`);
}
fs.writeFileSync(
  resultFile,
  JSON.stringify({
    renewals: Number(count),
    inputs: { park, plate: middle.car_number, tradeNo: middle.trade_no, renewalId: String(middle.id), deepCursor: renewalsParams.cursor("payTime", deep.booked_at, deep.id) },
    queries: results,
  }),
);
await sql.end();
await db.$disconnect();
