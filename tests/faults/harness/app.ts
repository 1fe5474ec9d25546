// The real app (scripts/start.ts, production build) as a child process of its own, so a test can
// kill -9 it, run two of them, and read every line it logged.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { waitUntil } from "./postgres";

export const VENDOR = { unionId: "100000", ukey: "A1B2C3D4E5F60718" };
export const ADMIN = { username: "faults-admin", password: "faults-admin-password" };

export type AppProcess = {
  url: string;
  callbackUrl: string;
  pid: number;
  logFile: string;
  /** Resolves with the exit code (null after a signal) when the process has gone. */
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): Promise<number | null>;
};

/** Every app's stdout and stderr, one file per name; cleared at the start of each run. */
export const LOG_DIR = path.join("test-results", "faults");

export type AppOptions = {
  /** Names the log file; a restarted app with the same name appends to it. */
  name: string;
  port: number;
  /** Where the data lives: an external PostgreSQL (with the deployment's shared AUTH_SECRET), or,
   * as a bare `npm start` runs, the embedded one in `dataDir` (its AUTH_SECRET generated there). */
  database: { url: string; authSecret: string } | { dataDir: string };
  env?: Record<string, string>;
};

/** Settings that let faults play out in seconds instead of the production hours. */
export const FAST_SYNC_ENV = {
  SYNC_RETRY_DELAYS: "0s,200ms,500ms,1s,1s,2s,2s,2s,2s,2s,2s,2s,2s,2s,2s,2s,2s,2s,2s,2s",
  SYNC_RATE_LIMITED_DELAY: "500ms",
  SYNC_RATE_LIMIT: "1000",
  SYNC_CONCURRENCY: "8",
  WECHATPAY_TIMEOUT: "3s",
  SYNC_LEASE: "12s",
};

export const newAuthSecret = () => randomBytes(36).toString("base64url");

export async function startApp(options: AppOptions): Promise<AppProcess> {
  const logFile = path.join(LOG_DIR, `${options.name}.log`);
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const log = fs.openSync(logFile, "a");
  // node --import tsx runs start.ts in this very process (the tsx CLI would put a relay process
  // in between, and a kill -9 of the relay would leave the server running).
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: process.cwd(),
    stdio: ["ignore", log, log],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      PORT: String(options.port),
      ...("dataDir" in options.database
        ? { DATA_DIR: options.database.dataDir }
        : { DATABASE_URL: options.database.url, AUTH_SECRET: options.database.authSecret }),
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_PASSWORD: ADMIN.password,
      BOLINK_UNION_ID: VENDOR.unionId,
      BOLINK_UKEY: VENDOR.ukey,
      LOG_LEVEL: "info",
      ...FAST_SYNC_ENV,
      ...options.env,
    },
  });
  fs.closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));

  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitUntil(
      async () => {
        if (gone) throw new Error(`the app exited during startup:\n${tail(logFile)}`);
        return fetch(`${url}/api/health`).then((r) => r.ok, () => false);
      },
      90_000,
      "the app to answer /api/health",
      200,
    );
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    url,
    callbackUrl: `${url}/api/callbacks/bolink`,
    pid: child.pid!,
    logFile,
    exited,
    async kill(signal) {
      if (!gone) child.kill(signal);
      return exited;
    },
  };
}

export function tail(file: string, lines = 40): string {
  if (!fs.existsSync(file)) return "(no log)";
  return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
}
