// Dashboard queries on a bulk-seeded database (scripts/seed-large.ts): seeded once per size and
// kept in .data/bench between runs, because a million rows take minutes to load.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { migrate } from "../lib/db/migrate";
import { databaseExists, freshDatabase, withClient, type BenchCluster } from "./database";
import { RESULTS_DIR } from "./servers";

export type QueryResult = {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  max?: number;
  /** 1-minute load average while this query was timed: on a shared box a figure means little without it. */
  load1m?: number;
  indexes: string[];
  seqScans: string[];
  plans: { sql: string; plan: string }[];
};
export type QueriesResult = {
  renewals: number;
  parks: number;
  days?: number;
  reusedSeed: boolean;
  seedSeconds: number | null;
  inputs: Record<string, string>;
  queries: QueryResult[];
};

/** The seed's shape per size: a larger operator has more parks and a longer history (scripts/seed-large.ts). */
export function seedShape(renewals: number): { parks: number; days: number } {
  return renewals >= 5_000_000 ? { parks: 600, days: 1095 } : { parks: 200, days: 730 };
}

function run(args: string[], output: "inherit" | "ignore" = "inherit"): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", output === "inherit" ? process.stderr : "ignore", "inherit"] });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`))));
  });
}

export async function benchQueries(cluster: BenchCluster, options: { renewals: number; runs: number; log: (line: string) => void }): Promise<QueriesResult> {
  const name = `bench_dashboard_${options.renewals}`;
  const { parks, days } = seedShape(options.renewals);
  const url = cluster.urlFor(name);
  // A seed that was interrupted has fewer rows: start that one over.
  const complete =
    (await databaseExists(cluster, name)) &&
    (await withClient(url, async (client) => Number((await client.query("SELECT count(*) AS n FROM renewals")).rows[0].n) === options.renewals));
  let seedSeconds: number | null = null;
  if (complete) {
    options.log(`queries: reusing the seeded database ${name} in .data/bench (${options.renewals} renewals; delete .data/bench to reseed)`);
    // Migrations added since the seed (indexes, statistics) apply to the kept data too.
    if ((await migrate(url)).length) await withClient(url, (client) => client.query("ANALYZE"));
  } else {
    options.log(`queries: seeding ${options.renewals} renewals over ${parks} parks and ${days} days with scripts/seed-large.ts (kept in .data/bench for the next run) …`);
    await freshDatabase(cluster, name);
    const started = performance.now();
    await run(["--import", "tsx", "scripts/seed-large.ts", "--renewals", String(options.renewals), "--parks", String(parks), "--days", String(days), "--database-url", url]);
    seedSeconds = Math.round((performance.now() - started) / 1000);
  }
  const resultFile = path.join(RESULTS_DIR, "queries.tmp");
  await run(["--conditions=react-server", "--import", "tsx", "bench/dashboard-queries.ts", url, String(options.runs), resultFile]);
  const measured = JSON.parse(fs.readFileSync(resultFile, "utf8")) as Pick<QueriesResult, "renewals" | "inputs" | "queries">;
  fs.rmSync(resultFile);
  return { ...measured, renewals: options.renewals, parks, days, reusedSeed: complete, seedSeconds };
}
