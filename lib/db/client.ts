// The one Prisma client. Secret columns are omitted unless a query selects them by name.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma";

/** What hot paths need of the pool: plain parameterised SQL, no query compiler. */
export type Sql = Pick<pg.Pool, "query">;

// Each client carries its own pool, for statements that skip Prisma (the callback intake). A global
// symbol, not a module-level map: Next may load this module more than once in one process.
const POOL = Symbol.for("parking-sync-console.pg-pool");

/**
 * Every connection of ours runs without parallel query. The dashboard's reads are index walks
 * that stop at a page or a cap, and PostgreSQL's parallel plans for them (Gather Merge over a
 * backward index scan) spent their time starting and feeding workers: the sync list for one park
 * took 0.5-0.8 s at 1 M renewals with them and 50-60 ms without (npm run bench, queries). Per
 * connection, so other clients of the database (an operator's reports) keep their parallel plans.
 */
export const SESSION_SETTINGS = "SET max_parallel_workers_per_gather = 0";

export function createPrismaClient(connectionString: string, options: { max?: number } = {}) {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    // Runs on each new connection before it serves a query; if it fails, that connection is closed
    // and the query that asked for it fails, as on any connection error.
    onConnect: async (connection) => {
      await connection.query(SESSION_SETTINGS);
    },
  });
  // An idle connection dropped by a server restart must not crash the process (an 'error' event
  // with no listener would): the pool discards it, and the next query reports any lasting outage.
  // Prisma adds its own listener only on its first query; raw-SQL-only users (the sync worker)
  // may never make one.
  pool.on("error", () => {});
  // The client owns the pool: $disconnect() ends it.
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client = new PrismaClient({
    adapter,
    omit: { vendorAccount: { signingKey: true }, user: { passwordHash: true }, alertChannel: { target: true, secret: true } },
  });
  return Object.assign(client, { [POOL]: pool });
}

export type Db = ReturnType<typeof createPrismaClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** The pg pool under `db`: raw SQL on the same connections, at a fraction of a model query's CPU. */
export function sqlOf(db: Db): Sql {
  const pool = (db as { [POOL]?: pg.Pool })[POOL];
  if (!pool) throw new Error("this Prisma client was not made by createPrismaClient");
  return pool;
}

const globalForDb = globalThis as unknown as { consoleDb?: Db };

/** The app's client, created on first use from DATABASE_URL (set by `npm start` for the embedded database). */
export function getDb(): Db {
  if (!globalForDb.consoleDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which provides it.");
    globalForDb.consoleDb = createPrismaClient(url);
  }
  return globalForDb.consoleDb;
}
