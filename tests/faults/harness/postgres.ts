// A PostgreSQL cluster of the fault suite's own, on a fixed loopback port so it can be crashed and
// started again at the same URL while the app keeps its connection string.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freeLoopbackPort, startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

export type FaultPostgres = {
  url: string;
  /** `pg_ctl stop -m immediate`: every backend dies at once, no checkpoint; WAL replay on the next start. */
  crash(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
};

export async function startFaultPostgres(): Promise<FaultPostgres> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "console-faults-"));
  const port = await freeLoopbackPort();
  let server: EmbeddedDatabase | null = await startEmbeddedPostgres({ dataDir, port, persistent: false });
  const url = server.url;
  await migrate(url);
  const pidFile = path.join(dataDir, "pg", "postmaster.pid");

  return {
    url,
    async crash() {
      const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
      process.kill(pid, "SIGQUIT");
      await waitUntil(() => !alive(pid), 15_000, "PostgreSQL to die");
      server = null;
    },
    async start() {
      server = await startEmbeddedPostgres({ dataDir, port, persistent: false });
    },
    async stop() {
      await server?.stop();
      server = null;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string, everyMs = 100) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
