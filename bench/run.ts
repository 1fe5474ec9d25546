// npm run bench [-- --quick] [--only intake,queries,pages,sync] [--renewals 1000000,10000000]
// Measures callback intake (against a bare baseline), dashboard queries on a bulk-seeded database
// and the WeChat sync drain; prints a markdown table and writes bench/results/latest.json.
// Numbers, not tests: nothing here fails because a machine is slow.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { startBenchCluster } from "./database";
import { benchIntake } from "./intake";
import { describeMachine, sampleLoad } from "./machine";
import { benchPages } from "./pages";
import { benchQueries } from "./queries";
import { renderReport, type BenchResults } from "./report";
import { RESULTS_DIR } from "./servers";
import { benchSync } from "./sync";

const { values } = parseArgs({ options: { quick: { type: "boolean", default: false }, only: { type: "string" }, renewals: { type: "string" } } });
const quick = values.quick;
const parts = new Set((values.only ?? "intake,queries,pages,sync").split(","));
const log = (line: string) => console.error(line);

const settings = quick
  ? { intakeSeconds: 2, renewals: 100_000, queryRuns: 10, pageRuns: 5, syncs: 2_000, defaultSyncs: 100, syncCapSeconds: 6 }
  : { intakeSeconds: 15, renewals: 1_000_000, queryRuns: 40, pageRuns: 50, syncs: 20_000, defaultSyncs: 1_000, syncCapSeconds: 90 };

// --renewals 1000000,10000000: the dashboard queries at each size (each seeded once, kept in .data/bench).
const sizes = values.renewals ? values.renewals.split(",").map(Number) : [settings.renewals];

fs.mkdirSync(RESULTS_DIR, { recursive: true });
const load = sampleLoad();
const started = new Date();
log(`bench: ${quick ? "--quick" : "full run"} on ${describeMachine().cores} × ${describeMachine().cpu}; embedded PostgreSQL in .data/bench`);
const cluster = await startBenchCluster();
const results: BenchResults = { mode: quick ? "quick" : "full", startedAt: started.toISOString(), machine: describeMachine(), settings };
try {
  if (parts.has("intake")) results.intake = await benchIntake(cluster, { seconds: settings.intakeSeconds, log });
  if (parts.has("queries")) {
    const measured = [];
    for (const renewals of sizes) measured.push(await benchQueries(cluster, { renewals, runs: settings.queryRuns, log }));
    [results.queries, ...results.moreQueries] = measured;
  }
  if (parts.has("pages")) {
    results.pages = [];
    for (const renewals of sizes) {
      const pages = await benchPages(cluster, { renewals, runs: settings.pageRuns, log });
      if (pages) results.pages.push(pages);
    }
  }
  if (parts.has("sync")) results.sync = await benchSync(cluster, { syncs: settings.syncs, defaultSyncs: settings.defaultSyncs, capSeconds: settings.syncCapSeconds, log });
} finally {
  await cluster.stop();
}
results.load = load.stop();
results.minutes = Math.round((Date.now() - started.getTime()) / 6_000) / 10;

// A partial run (--only) replaces its own parts of latest.json and keeps the others, each with the run it came from.
const latest = path.join(RESULTS_DIR, "latest.json");
const run = { mode: results.mode, startedAt: results.startedAt, load: results.load };
for (const part of parts) (results.partRuns ??= {})[part] = run;
if (values.only && fs.existsSync(latest)) {
  const previous = JSON.parse(fs.readFileSync(latest, "utf8")) as BenchResults;
  const previousRun = { mode: previous.mode, startedAt: previous.startedAt, load: previous.load };
  for (const part of ["intake", "queries", "pages", "sync"] as const) {
    if (parts.has(part) || !previous[part]) continue;
    Object.assign(results, { [part]: previous[part] });
    if (part === "queries") results.moreQueries = previous.moreQueries;
    results.partRuns![part] = previous.partRuns?.[part] ?? previousRun;
  }
}

const report = renderReport(results);
console.log(report.table);
if (report.plans) console.log(report.plans);
fs.writeFileSync(latest, `${JSON.stringify(results, null, 2)}\n`);
log(`bench: wrote bench/results/latest.json (${results.minutes} min)`);
process.exit(0);
