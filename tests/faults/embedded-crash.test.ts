// `npm start` with its embedded PostgreSQL, SIGKILLed mid-storm as an OOM killer would (the Node
// process only: its PostgreSQL is left running, orphaned), then started again at once on the same
// data directory: it must come up — not refuse with "already in use by another process" — with
// every booking intact, and a re-sent storm books nothing twice.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { freeLoopbackPort } from "@/lib/db/embedded";
import { startApp, type AppProcess } from "./harness/app";
import { makeNotices, sendLikeBolink } from "./harness/bolink";
import { expectBookedOnce, report } from "./harness/expectations";
import { readLedger } from "./harness/ledger";
import { waitUntil } from "./harness/postgres";
import { startWechatStandIn, type WechatStandIn } from "./harness/wechat";

let dataDir: string;
let wechat: WechatStandIn;
const apps: AppProcess[] = [];
let frozenWatchdog: number | null = null;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "console-faults-embedded-"));
  wechat = await startWechatStandIn();
});

afterAll(async () => {
  if (frozenWatchdog) thaw(frozenWatchdog);
  // SIGTERM: the app stops its PostgreSQL last, so the data directory can go.
  await Promise.all(apps.map((app) => app.kill("SIGTERM")));
  const pid = postmaster();
  if (pid) await waitUntil(() => !alive(pid), 30_000, "the embedded PostgreSQL to stop").catch(() => process.kill(pid, "SIGKILL"));
  await wechat?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The running postmaster's pid from its pid file, or null. */
function postmaster(): number | null {
  const file = path.join(dataDir, "pg", "postmaster.pid");
  return fs.existsSync(file) ? Number(fs.readFileSync(file, "utf8").split("\n")[0]) : null;
}

function thaw(pid: number) {
  try {
    process.kill(pid, "SIGCONT");
  } catch {
    // gone
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The orphan's watchdog (lib/db/embedded.ts: `node -e … <owner pid> <postmaster pid>`), found in
 * /proc. The test freezes it across the kill: left running it often stops the orphan before the
 * new start looks, and the start's own recognition of its orphan would go untested.
 */
function watchdogOf(owner: number, postmasterPid: number): number | null {
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").filter(Boolean);
    } catch {
      continue;
    }
    if (args.includes("-e") && args.at(-2) === String(owner) && args.at(-1) === String(postmasterPid)) return Number(entry);
  }
  return null;
}

/** The embedded database's URL, from what `npm start` keeps in its data directory. */
function databaseUrl(): string {
  const { user, password } = JSON.parse(fs.readFileSync(path.join(dataDir, "pg-credentials.json"), "utf8")) as { user: string; password: string };
  const port = fs.readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[3];
  return `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/console`;
}

it("comes straight back up after a SIGKILL of npm start (embedded) with every booking intact", async () => {
  const notices = makeNotices(1_000);
  const port = await freeLoopbackPort();
  const start = async () => {
    const app = await startApp({ name: "embedded-crash", port, database: { dataDir }, env: wechat.env });
    apps.push(app);
    return app;
  };
  let app = await start();

  const acceptedBeforeKill = new Set<string>();
  let killed = false;
  let orphanAliveAtRestart = false;
  let watchdogFound = false;
  let restart: Promise<void> | undefined;
  const stats = await sendLikeBolink(notices, {
    urls: [app.callbackUrl],
    concurrency: 20,
    deadlineMs: 240_000,
    resendDelayMs: 250,
    onAnswered(answered, notice) {
      if (!killed) acceptedBeforeKill.add(notice.tradeNo);
      if (answered !== 300) return;
      killed = true;
      restart = (async () => {
        const orphan = postmaster();
        frozenWatchdog = orphan ? watchdogOf(app.pid, orphan) : null;
        watchdogFound = frozenWatchdog !== null;
        if (frozenWatchdog) process.kill(frozenWatchdog, "SIGSTOP");
        await app.kill("SIGKILL"); // the Node process alone, not its group: PostgreSQL survives it
        orphanAliveAtRestart = orphan !== null && alive(orphan);
        app = await start(); // at once: no waiting for the orphan to go
        if (frozenWatchdog) thaw(frozenWatchdog); // it sees its server gone and exits
      })();
    },
  });
  await restart;
  expect(killed).toBe(true);
  expect(watchdogFound, "the embedded PostgreSQL's watchdog is running").toBe(true);
  expect(orphanAliveAtRestart, "the orphaned PostgreSQL was still running when the new start began").toBe(true);
  const log = fs.readFileSync(app.logFile, "utf8");
  expect(log).not.toMatch(/already in use by another process/);
  expect(log, "the new start recognised and stopped its own orphan").toMatch(/Stopping the embedded PostgreSQL \(pid \d+\) left running by a start that crashed/);

  expect(stats.badAnswers).toEqual([]);
  expect(stats.answered).toBe(notices.length);
  expect(stats.noAnswer).toBeGreaterThan(0); // the kill really cut requests off

  const url = databaseUrl();
  const ledger = await readLedger(url);
  const lost = [...acceptedBeforeKill].filter((tradeNo) => ledger.renewalsByTrade.get(tradeNo) !== 1);
  expect(lost, "answered state 1 before the kill but not booked exactly once").toEqual([]);
  expectBookedOnce(ledger, notices);

  // Bolink re-sends the whole storm: every copy is acknowledged, nothing is booked again.
  const again = await sendLikeBolink(notices, { urls: [app.callbackUrl], concurrency: 20, deadlineMs: 120_000 });
  expect(again.answered).toBe(notices.length);
  expect(again.badAnswers).toEqual([]);
  expectBookedOnce(await readLedger(url), notices);

  report("embedded kill -9 mid-storm, immediate restart", {
    ...stats,
    acceptedBeforeKill: acceptedBeforeKill.size,
    resentAcknowledged: again.answered,
  });
});
