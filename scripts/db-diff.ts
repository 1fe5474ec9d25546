// npm run db:diff -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql, the SQL that
// takes the last migration's schema snapshot to prisma/schema.prisma, and snapshots the new schema
// beside it. (Prisma's WASM engine cannot diff from a database or a shadow database here, but
// it insists on a live connection, so a throwaway embedded PostgreSQL provides one.)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { MIGRATIONS_DIR, readMigrations } from "../lib/db/migrate";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) {
  console.error("Usage: npm run db:diff -- <migration_name>");
  process.exit(2);
}

// Hand-written migrations (statistics, triggers) carry no snapshot: diff from the last one that does.
const snapshot = readMigrations()
  .map((migration) => path.join(MIGRATIONS_DIR, migration.name, "schema.prisma"))
  .findLast((file) => fs.existsSync(file));
const from = snapshot ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "console-diff-"));
const db = await startEmbeddedPostgres({ dataDir, persistent: false });
try {
  const sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { env: { ...process.env, DATABASE_URL: db.url }, encoding: "utf8" },
  );
  if (!/\S/.test(sql.replace(/^--.*$/gm, ""))) {
    console.log("prisma/schema.prisma matches the last migration; nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    fs.copyFileSync(path.join("prisma", "schema.prisma"), path.join(dir, "schema.prisma"));
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/ — review migration.sql, then commit it with the schema.`);
  }
} finally {
  await db.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
