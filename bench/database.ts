// The bench's own embedded PostgreSQL in .data/bench: one cluster for the app, the baseline, the
// dashboard data and the sync queue, each in its own database. The seeded dashboard databases
// are kept between runs (seeding a million rows takes minutes); the others start empty every run.
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";

export const BENCH_DATA_DIR = path.resolve(".data/bench");

export type BenchCluster = EmbeddedDatabase & { urlFor(name: string): string };

export async function startBenchCluster(dataDir = BENCH_DATA_DIR): Promise<BenchCluster> {
  const cluster = await startEmbeddedPostgres({ dataDir });
  return { ...cluster, urlFor: (name) => withDatabase(cluster.url, name) };
}

function withDatabase(url: string, name: string): string {
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

function onServer<T>(cluster: BenchCluster, work: (client: pg.Client) => Promise<T>): Promise<T> {
  return withClient(cluster.urlFor("postgres"), work);
}

/** Drops and recreates `name`, then applies the app's migrations: every run starts from the same empty schema. */
export async function freshDatabase(cluster: BenchCluster, name: string): Promise<string> {
  await onServer(cluster, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  const url = cluster.urlFor(name);
  await migrate(url);
  return url;
}

export async function databaseExists(cluster: BenchCluster, name: string): Promise<boolean> {
  return onServer(cluster, async (client) => !!(await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount);
}

export async function dropDatabase(cluster: BenchCluster, name: string) {
  await onServer(cluster, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
