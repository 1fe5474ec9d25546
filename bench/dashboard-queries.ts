// Child process of bench/queries.ts (run with --conditions=react-server, as Next.js runs
// lib/queries/*): times the dashboard's own query functions against a seeded database and
// EXPLAIN ANALYZEs the exact SQL each one sent.
// argv: <database url> <runs> <result file>
import fs from "node:fs";
import pg from "pg";
import { createPrismaClient } from "../lib/db/client";
import { listCards } from "../lib/queries/cards";
import { feeSummary } from "../lib/queries/fees";
import { listRenewals } from "../lib/queries/renewals";
import { listCardsQuery } from "../lib/validations/cards";
import { feesQuery } from "../lib/validations/fees";
import { renewalsParams } from "../lib/validations/renewals";
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
const one = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => (await sql.query<T>(text, values)).rows[0];

const day = (date: Date) => date.toISOString().slice(0, 10);
const daysAgo = (n: number) => day(new Date(Date.now() - n * 86_400_000));
const { count } = await one<{ count: string }>("SELECT count(*) FROM renewals");
// Inputs an operator would plausibly type, taken from the data so that they match something.
const { park_id: park } = await one<{ park_id: string }>("SELECT park_id FROM parks ORDER BY park_id OFFSET 42 LIMIT 1");
const { car_number: plate } = await one<{ car_number: string }>("SELECT car_number FROM renewals WHERE id = (SELECT max(id) / 2 FROM renewals)");
const deep = await one<{ booked_at: Date; id: number }>(
  "SELECT booked_at, id FROM renewals ORDER BY booked_at DESC, id DESC OFFSET $1 LIMIT 1",
  [Math.floor(Number(count) * 0.9)],
);

const queries: { name: string; run: () => Promise<unknown> }[] = [
  { name: "renewals, first page", run: () => listRenewals(db, renewalsParams.parse({}).query) },
  { name: "renewals, park + 3 months", run: () => listRenewals(db, renewalsParams.parse({ park, from: daysAgo(120), to: daysAgo(30) }).query) },
  { name: "renewals, plate search", run: () => listRenewals(db, renewalsParams.parse({ q: plate }).query) },
  { name: "renewals, page at 90 % depth", run: () => listRenewals(db, renewalsParams.parse({ after: renewalsParams.cursor("payTime", deep.booked_at, deep.id) }).query) },
  { name: "fees, month × park, 2 years", run: () => feeSummary(db, feesQuery.parse({ by: "month", from: daysAgo(730), to: daysAgo(0) })) },
  { name: "cards expiring soon", run: () => listCards(db, listCardsQuery.parse({ status: "expiring" })) },
];

const results = [];
for (const query of queries) {
  for (let i = 0; i < 2; i++) await query.run(); // warm: plan cache, buffers, JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
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
    const plan = await sql.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
    const text = plan.rows.map((row) => row["QUERY PLAN"]).join("\n");
    plans.push({ sql: statement.text, plan: text });
  }
  const allPlans = plans.map((p) => p.plan).join("\n");
  const indexes = [...new Set([...allPlans.matchAll(/(?:Index (?:Only )?Scan(?: Backward)? using|Bitmap Index Scan on) (\S+)/g)].map((m) => m[1]))];
  const seqScans = [...new Set([...allPlans.matchAll(/Seq Scan on (\S+)/g)].map((m) => m[1]))];
  const round = (n: number) => Math.round(n * 10) / 10;
  results.push({ name: query.name, runs, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), indexes, seqScans, plans });
}
fs.writeFileSync(resultFile, JSON.stringify({ renewals: Number(count), inputs: { park, plate, deepCursor: renewalsParams.cursor("payTime", deep.booked_at, deep.id) }, queries: results }));
await sql.end();
await db.$disconnect();
