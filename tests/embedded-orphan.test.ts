// The embedded PostgreSQL after a kill -9 of its owner (an OOM kill, a supervisor): the next start
// finds the orphaned server still running on its data directory, recognises it as ours, stops it
// cleanly and comes up with the data intact; left alone, the orphan is stopped by its watchdog.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded";

const dirs: string[] = [];
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "embedded-orphan-"));
  fs.chmodSync(dir, 0o755);
  dirs.push(dir);
  return dir;
}

/** Starts an owner process; answers it and its database URL once the cluster is up. */
async function owner(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/embedded-owner.ts", dir], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ready (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`owner exited (${code}) before the database was up: ${out}`)));
  });
  return { child, url };
}

const postmasterPid = (dir: string) => Number(fs.readFileSync(path.join(dir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

// One data directory for the whole story (initdb is the slow part), in order.
describe("embedded PostgreSQL after a kill -9 of its owner", { timeout: 120_000 }, () => {
  const dir = dataDir();
  let first: { child: ChildProcess; url: string };

  it("refuses a cluster whose owner is alive, and leaves it running", async () => {
    first = await owner(dir);
    await query(first.url, "CREATE TABLE bookings (id int PRIMARY KEY); INSERT INTO bookings SELECT generate_series(1, 500)");
    await expect(startEmbeddedPostgres({ dataDir: dir })).rejects.toThrow(/already in use by another process \(PostgreSQL pid \d+\)/);
    expect(await query(first.url, "SELECT count(*)::int AS n FROM bookings")).toEqual([{ n: 500 }]);
  });

  it("an immediate new start stops the orphan cleanly and comes up with every row", async () => {
    const orphan = postmasterPid(dir);
    first.child.kill("SIGKILL");
    await new Promise((resolve) => first.child.once("exit", resolve));
    expect(alive(orphan), "the server outlived its owner").toBe(true);

    const lines: string[] = [];
    const second = await startEmbeddedPostgres({ dataDir: dir, log: (line) => lines.push(line) });
    try {
      expect(alive(orphan)).toBe(false);
      expect(await query(second.url, "SELECT count(*)::int AS n FROM bookings")).toEqual([{ n: 500 }]);
    } finally {
      await second.stop();
    }
  });

  it("left alone, the orphan is stopped by its watchdog within seconds", async () => {
    const again = await owner(dir);
    expect(await query(again.url, "SELECT count(*)::int AS n FROM bookings")).toEqual([{ n: 500 }]);
    const orphan = postmasterPid(dir);
    again.child.kill("SIGKILL");
    const deadline = Date.now() + 15_000;
    while (alive(orphan) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(alive(orphan), "stopped within 15 s of its owner's death").toBe(false);
    expect(fs.existsSync(path.join(dir, "pg", "postmaster.pid")), "a clean shutdown removes its pid file").toBe(false);
  });
});
