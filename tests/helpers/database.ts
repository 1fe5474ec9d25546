// A fresh, migrated database per test file on the run's throwaway PostgreSQL; getDb() points at it.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";

export async function createEmptyDatabase(): Promise<string> {
  const serverUrl = inject("testDatabaseUrl");
  const url = new URL(serverUrl);
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(url.hostname)) {
    throw new Error(`Refusing to run tests against a non-local database (${url.hostname}).`);
  }
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createTestDatabase(): Promise<{ url: string; db: Db }> {
  const url = await createEmptyDatabase();
  await migrate(url);
  process.env.DATABASE_URL = url;
  const db = createPrismaClient(url);
  (globalThis as unknown as { consoleDb?: Db }).consoleDb = db;
  return { url, db };
}
