import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { MigrationError, migrate, readMigrations } from "@/lib/db/migrate";
import { createEmptyDatabase } from "./helpers/database";

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const tables = async (url: string) =>
  (await query<{ table_name: string }>(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
    .map((row) => row.table_name)
    .sort();

function migrationsDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("migrate", () => {
  it("builds a fresh database and records every migration the way Prisma does", async () => {
    const url = await createEmptyDatabase();
    const all = readMigrations();
    expect(all.length).toBeGreaterThan(0);

    expect(await migrate(url)).toEqual(all.map((m) => m.name));

    expect(await tables(url)).toEqual(
      expect.arrayContaining(["_prisma_migrations", "renewals", "users", "wechat_syncs", "vendor_accounts"]),
    );
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      url,
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(all.map((m) => [m.name, m.checksum]));
    expect(rows.every((r) => r.finished_at)).toBe(true);
  });

  it("does nothing on a second run", async () => {
    const url = await createEmptyDatabase();
    await migrate(url);
    expect(await migrate(url)).toEqual([]);
    const [{ count }] = await query<{ count: string }>(url, `SELECT count(*) FROM "_prisma_migrations"`);
    expect(Number(count)).toBe(readMigrations().length);
  });

  it("applies each migration once when two runners start together", async () => {
    const url = await createEmptyDatabase();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    const names = readMigrations().map((m) => m.name);
    expect(results.flat().sort()).toEqual(names.sort());
    const [{ count }] = await query<{ count: string }>(url, `SELECT count(*) FROM "_prisma_migrations"`);
    expect(Number(count)).toBe(names.length);
  });

  it("rolls a failing migration back completely and stops", async () => {
    const url = await createEmptyDatabase();
    const dir = migrationsDir({
      "001_good": "CREATE TABLE good (id int);",
      "002_bad": "CREATE TABLE half_done (id int);\nINSERT INTO no_such_table VALUES (1);",
      "003_after": "CREATE TABLE after_bad (id int);",
    });

    const run = migrate(url, readMigrations(dir));
    await expect(run).rejects.toThrow(MigrationError);
    await expect(run).rejects.toThrow(/002_bad failed and was rolled back.*no_such_table/s);

    expect(await tables(url)).toEqual(["_prisma_migrations", "good"]);
    const rows = await query<{ migration_name: string }>(url, `SELECT migration_name FROM "_prisma_migrations"`);
    expect(rows.map((r) => r.migration_name)).toEqual(["001_good"]);
  });

  it("refuses to start when an applied migration was edited", async () => {
    const url = await createEmptyDatabase();
    const dir = migrationsDir({ "001_first": "CREATE TABLE first (id int);" });
    await migrate(url, readMigrations(dir));
    fs.writeFileSync(path.join(dir, "001_first", "migration.sql"), "CREATE TABLE first (id bigint);");

    await expect(migrate(url, readMigrations(dir))).rejects.toThrow(/001_first was edited after it was applied/);
  });

  it("refuses to run against a database migrated by a newer version", async () => {
    const url = await createEmptyDatabase();
    await migrate(url, readMigrations(migrationsDir({ "001_a": "SELECT 1;", "002_b": "SELECT 1;" })));
    await expect(migrate(url, readMigrations(migrationsDir({ "001_a": "SELECT 1;" })))).rejects.toThrow(
      /does not know: 002_b/,
    );
  });
});
