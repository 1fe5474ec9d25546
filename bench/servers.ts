// Child processes under test: the real app (scripts/start.ts, production build) and the bare
// baseline. Their output goes to bench/results/*.tmp so the bench's own output stays a report.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { BENCH_UKEY, BENCH_UNION_ID } from "./notices";

export const RESULTS_DIR = path.resolve("bench/results");

export type Server = { name: string; url: string; pid: number; stop(): Promise<void> };

/** A free loopback port, so benches in several checkouts on one machine never collide. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function start(name: string, script: string, port: number, env: Record<string, string>): { child: ChildProcess; url: string } {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const logFile = path.join(RESULTS_DIR, `${name}-log.tmp`);
  const out = fs.openSync(logFile, "w");
  // BENCH_PROFILE_DIR=… writes a V8 CPU profile of each server to that directory (open it in Chrome DevTools).
  const dir = process.env.BENCH_PROFILE_DIR;
  // One directory per server: tsx's loader thread writes a profile of its own beside the main thread's.
  const profile = dir ? ["--cpu-prof", `--cpu-prof-dir=${path.join(dir, name)}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", script], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ["ignore", out, out] });
  fs.closeSync(out);
  return { child, url: `http://127.0.0.1:${port}` };
}

async function waitUntilUp(name: string, child: ChildProcess, probe: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see bench/results/${name}-log.tmp`);
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not come up in ${timeoutMs / 1000} s; see bench/results/${name}-log.tmp`);
}

function stopper(child: ChildProcess) {
  return async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  };
}

export type AppServer = Server & { origin: string; startMs: number };

/** `npm start` as production runs it, minus the sync worker (it would compete for the same 2 cores). */
export async function startApp(port: number, databaseUrl: string): Promise<AppServer> {
  const started = performance.now();
  const { child, url } = start("app", "scripts/start.ts", port, {
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "bench-auth-secret-bench-auth-secret-0123",
    ADMIN_PASSWORD: "bench-admin-password",
    BOLINK_UNION_ID: BENCH_UNION_ID,
    BOLINK_UKEY: BENCH_UKEY,
    SYNC_WORKER: "off",
    // The bench's route handlers (app/api/bench/*): the empty route, what Next's route layer alone
    // costs, and the baseline's handler served through that layer.
    BENCH_EMPTY_ROUTE: "on",
    // The bench sends valid notices only; a limiter would never be consulted.
    BOLINK_INVALID_PER_MINUTE: "0",
  });
  // The first start on a fresh clone builds the production bundle: minutes, not part of any figure.
  await waitUntilUp("app", child, async () => (await fetch(`${url}/api/health`)).ok, 20 * 60_000);
  const startMs = Math.round(performance.now() - started);
  return { name: "app", url: `${url}/api/callbacks/bolink`, origin: url, pid: child.pid!, stop: stopper(child), startMs };
}

export async function startBaseline(port: number, databaseUrl: string): Promise<Server> {
  const { child, url } = start("baseline", "bench/baseline-server.ts", port, { DATABASE_URL: databaseUrl });
  await waitUntilUp("baseline", child, async () => (await fetch(url, { method: "POST", body: "{}" })).ok, 60_000);
  return { name: "baseline", url, pid: child.pid!, stop: stopper(child) };
}
