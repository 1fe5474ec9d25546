// One throwaway embedded PostgreSQL for the whole run; each test file makes its own database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../lib/db/embedded";

export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "console-test-"));
  const db = await startEmbeddedPostgres({ dataDir, persistent: false });
  project.provide("testDatabaseUrl", db.url);
  return async () => {
    await db.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
