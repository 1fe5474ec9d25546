// Callback intake: the real app against the bare baseline, each on its own fresh database in the
// same PostgreSQL, at each concurrency in turn (interleaved, so drift on a shared machine hits
// both alike), then a duplicate storm; afterwards every state-1 answer is checked against the books.
// Two more "servers" in the same app separate what Next's route layer costs from what our handler
// adds: an empty route handler (reads the body, answers), and the baseline's own handler served
// through a route handler (the ceiling for the callback's work on this stack). The app's memory
// (at rest and under load) and its start-up time are measured too.
import { setTimeout as sleep } from "node:timers/promises";
import { buildIsStale } from "../lib/server/build";
import { createPrismaClient } from "../lib/db/client";
import { parseEnv } from "../lib/env";
import { upsertVendorFromEnv } from "../lib/server/bootstrap";
import { freshDatabase, withClient, type BenchCluster } from "./database";
import { mergeLoads, runLoad, type LoadResult } from "./load";
import { balancedOrders } from "./round-order";
import { processCpuMs, processRssMiB } from "./machine";
import { BENCH_UKEY, BENCH_UNION_ID } from "./notices";
import { freePort, startApp, startBaseline, type Server } from "./servers";

export const CONCURRENCIES = [1, 10, 50, 200];
export const STORM_COPIES = 5;
export const STORM_CONNECTIONS = 50;
/** Per server, before the first timed run: V8 was still optimising the route layer after 2 s. */
const WARM_UP_SECONDS = 5;
/**
 * Each concurrency's time is split into rounds, one per server, in a balanced order
 * (bench/round-order.ts), so a machine's drift and what a run inherits from the one before it
 * fall on every server alike. With the servers in turn, reversed every other round, over three
 * rounds the first server of each concurrency (ours) ran first in two of them, and at c=1 the
 * server that did lost: ours trailed the baseline's handler through Next by 7–17 % in six runs,
 * and with that handler first it trailed ours by 7 and 22 % in two.
 */

type Row = Omit<LoadResult, "acceptedTradeNos" | "latencies"> & {
  kind: "unique" | "storm";
  server: string;
  booked?: number;
  /** The server process's CPU per answer: steadier than throughput on a shared machine. */
  cpuMsPerAnswer: number | null;
};

export type Verification = { server: string; answeredState1: number; distinctTradeNos: number; bookedOnce: number; bookedMoreThanOnce: number; missing: number; bookedWithoutCountedAnswer: number; feeOrSyncMismatch: number };

/** The app process (Next.js in scripts/start.ts): RSS in MiB, and `npm start` to a healthy /api/health on an existing build. */
export type AppFootprint = { startMs: number; rssAtStartMiB: number | null; rssPeakUnderLoadMiB: number | null; rssAtRestAfterMiB: number | null };

export type IntakeResult = { builtFirst: boolean; secondsPerRun: number; rounds?: number; rows: Row[]; verification: Verification[]; footprint?: AppFootprint };

export async function benchIntake(cluster: BenchCluster, options: { seconds: number; log: (line: string) => void }): Promise<IntakeResult> {
  const builtFirst = buildIsStale();
  const appUrl = await freshDatabase(cluster, "bench_intake_app");
  const baselineUrl = await freshDatabase(cluster, "bench_intake_baseline");
  await addVendor(baselineUrl); // the app does this itself on start (BOLINK_UNION_ID / BOLINK_UKEY)

  if (builtFirst) options.log("intake: no production build yet (or sources changed): `npm start` builds it first — minutes, not measured.");
  const appPort = await freePort();
  let app = await startApp(appPort, appUrl);
  if (builtFirst) {
    // Start-up time is measured on an existing build: start once more now that it exists.
    await app.stop();
    app = await startApp(appPort, appUrl);
  }
  const rssAtStartMiB = processRssMiB(app.pid);
  const baseline = await startBaseline(await freePort(), baselineUrl);
  const empty: Server = { ...app, name: "empty", url: `${app.origin}/api/bench/empty-route` };
  // Books into the app's database with the same statement: its answers join the app's books check.
  const throughNext: Server = { ...app, name: "baseline-in-next", url: `${app.origin}/api/bench/baseline-route` };
  const servers = [app, empty, throughNext, baseline];
  const run = Date.now().toString(36);
  const answered = new Map<Server, string[]>([[app, []], [baseline, []]]);
  const rows: Row[] = [];
  const databaseOf = new Map([[app, appUrl], [baseline, baselineUrl], [empty, appUrl], [throughNext, appUrl]]);
  let rssPeakUnderLoadMiB: number | null = null;
  let rssAtRestAfterMiB: number | null = null;
  const measureOnce = async (server: Server, kind: Row["kind"], connections: number, seconds: number, tag: string) => {
    const cpuBefore = processCpuMs(server.pid);
    const rssSampler = setInterval(() => {
      const rss = server.pid === app.pid ? processRssMiB(app.pid) : null;
      if (rss !== null) rssPeakUnderLoadMiB = Math.max(rssPeakUnderLoadMiB ?? 0, rss);
    }, 200);
    // Each server its own trade_nos: ours and the baseline's handler through Next book into one
    // database, and with shared ones the second of them in a round only answered re-deliveries.
    const notices = `${run}s${servers.indexOf(server)}${tag}`;
    const result = await runLoad({ url: server.url, connections, seconds, run: notices, copies: kind === "storm" ? STORM_COPIES : 1 }).finally(() =>
      clearInterval(rssSampler),
    );
    const cpuAfter = processCpuMs(server.pid);
    if (server !== empty) answered.get(server === throughNext ? app : server)!.push(...result.acceptedTradeNos);
    await settle(databaseOf.get(server)!);
    return { result, cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
  };
  // Every server at one concurrency: a round per server, seconds / rounds each, in balanced order.
  const measure = async (kind: Row["kind"], connections: number, seconds: number, tag: string, level: number): Promise<Row[]> => {
    const parts = new Map(servers.map((server) => [server, { results: [] as LoadResult[], cpuMs: 0 as number | null }]));
    // The bare baseline (its own process) opens the first concurrency, so whatever the app does
    // in the pause after its warm-up falls on no measured run (an idle app was seen spending
    // 300–400 ms of CPU some 25 s after its start, mostly garbage collection).
    const orders = balancedOrders(servers, servers.indexOf(baseline) + level);
    for (const [round, order] of orders.entries()) {
      for (const server of order) {
        const { result, cpuMs } = await measureOnce(server, kind, connections, seconds / orders.length, `${tag}r${round}`);
        const part = parts.get(server)!;
        part.results.push(result);
        part.cpuMs = part.cpuMs === null || cpuMs === null ? null : part.cpuMs + cpuMs;
      }
    }
    return servers.map((server) => {
      const { results, cpuMs } = parts.get(server)!;
      const merged = mergeLoads(results);
      const { connections: c, seconds, answers, accepted, acceptedPerSec, p50, p95, p99, errors } = merged;
      const figures = { connections: c, seconds, answers, accepted, acceptedPerSec, p50, p95, p99, errors };
      const booked = kind === "storm" ? new Set(merged.acceptedTradeNos).size : undefined;
      const cpuMsPerAnswer = cpuMs === null || !figures.answers ? null : Math.round((cpuMs / figures.answers) * 100) / 100;
      return { kind, server: server.name, ...figures, booked, cpuMsPerAnswer };
    });
  };
  try {
    // Warm-up: Next.js loads the route and V8 optimises on first use; not reported.
    for (const server of servers) await measureOnce(server, "unique", 10, WARM_UP_SECONDS, "w");
    for (const [level, connections] of CONCURRENCIES.entries()) {
      for (const row of await measure("unique", connections, options.seconds, `c${connections}`, level)) {
        rows.push(row);
        options.log(`intake: ${row.server.padEnd(16)} c=${String(connections).padEnd(3)} ${row.acceptedPerSec} accepted/s, p99 ${row.p99} ms, ${row.cpuMsPerAnswer} ms CPU/answer, ${row.errors} errors`);
      }
    }
    for (const row of await measure("storm", STORM_CONNECTIONS, options.seconds, "s", CONCURRENCIES.length)) {
      rows.push(row);
      options.log(`intake: ${row.server.padEnd(16)} storm ×${STORM_COPIES} ${row.acceptedPerSec} answers/s, p99 ${row.p99} ms, ${row.cpuMsPerAnswer} ms CPU/answer, ${row.errors} errors`);
    }
    // Garbage from the load is collectable by now; what stays is what the app keeps.
    await sleep(3_000);
  } finally {
    rssAtRestAfterMiB = processRssMiB(app.pid);
    await app.stop();
    await baseline.stop();
  }
  const verification = [await verify("app (ours and the baseline handler through Next, one database)", appUrl, answered.get(app)!), await verify("baseline", baselineUrl, answered.get(baseline)!)];
  const footprint = { startMs: app.startMs, rssAtStartMiB, rssPeakUnderLoadMiB, rssAtRestAfterMiB };
  options.log(`intake: app started in ${footprint.startMs} ms; RSS ${rssAtStartMiB} MiB at rest, ${rssPeakUnderLoadMiB} MiB peak under load, ${rssAtRestAfterMiB} MiB after`);
  return { builtFirst, secondsPerRun: options.seconds, rounds: balancedOrders(servers).length, rows, verification, footprint };
}

/**
 * When a timed run stops, the server still works through the requests it had accepted; waiting
 * until bookings stop growing keeps that backlog out of the next run's figures (and CPU). Then
 * PostgreSQL's own after-work: the autovacuum the bookings started and a checkpoint, which would
 * otherwise fall on whichever server runs next (the servers share one cluster and two cores).
 */
async function settle(url: string) {
  await withClient(url, async (client) => {
    let last = -1;
    for (;;) {
      const now = Number((await client.query("SELECT count(*) AS n FROM renewals")).rows[0].n);
      if (now === last) break;
      last = now;
      await sleep(500);
    }
    for (let waited = 0; waited < 30_000; waited += 250) {
      const { rows } = await client.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'");
      if (rows[0].n === 0) break;
      await sleep(250);
    }
    await client.query("CHECKPOINT");
  });
}

async function addVendor(url: string) {
  const db = createPrismaClient(url, { max: 1 });
  await upsertVendorFromEnv(db, parseEnv({ BOLINK_UNION_ID: BENCH_UNION_ID, BOLINK_UKEY: BENCH_UKEY }));
  await db.$disconnect();
}

/** Every trade_no answered state 1 has exactly one renewal, with its fee entry and pending sync. */
async function verify(server: string, url: string, tradeNos: string[]): Promise<Verification> {
  const distinct = [...new Set(tradeNos)];
  return withClient(url, async (client) => {
    const counts = await client.query<{ once: string; more: string }>(
      `SELECT count(*) FILTER (WHERE n = 1) AS once, count(*) FILTER (WHERE n > 1) AS more
       FROM (SELECT trade_no, count(*) AS n FROM renewals WHERE trade_no = ANY($1) GROUP BY trade_no) AS per_trade`,
      [distinct],
    );
    const totals = await client.query<{ renewals: string; fees: string; syncs: string }>(
      "SELECT (SELECT count(*) FROM renewals) AS renewals, (SELECT count(*) FROM fee_entries) AS fees, (SELECT count(*) FROM wechat_syncs) AS syncs",
    );
    const once = Number(counts.rows[0].once);
    const more = Number(counts.rows[0].more);
    const { renewals, fees, syncs } = totals.rows[0];
    return {
      server,
      answeredState1: tradeNos.length,
      distinctTradeNos: distinct.length,
      bookedOnce: once,
      bookedMoreThanOnce: more,
      missing: distinct.length - once - more,
      // Requests still in flight when a timed run stopped: booked, but their answer was not counted.
      bookedWithoutCountedAnswer: Number(renewals) - distinct.length,
      feeOrSyncMismatch: Math.abs(Number(renewals) - Number(fees)) + Math.abs(Number(renewals) - Number(syncs)),
    };
  });
}
