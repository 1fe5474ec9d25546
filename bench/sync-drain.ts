// Child process of bench/sync.ts: the real sync worker (lib/sync/worker.ts) drains the pending
// syncs against the simulator, which runs in a process of its own (bench/sync-simulator.ts) so
// that the CPU measured here is the worker's alone, as `npm start` runs it.
// argv: <database url> <latency ms> <concurrency> <rate per second> <time cap s> <result file>
import { spawn } from "node:child_process";
import { createPublicKey } from "node:crypto";
import fs from "node:fs";
import readline from "node:readline";
import pg from "pg";
import { createPrismaClient } from "../lib/db/client";
import { parseEnv } from "../lib/env";
import { startSyncWorker } from "../lib/sync/worker";
import { createExtPaymentClient } from "../lib/wechatpay/client";
import { generateMerchantKeys } from "../lib/wechatpay/keys";
import { SIMULATOR_MCHID, simulatorTarget } from "../lib/wechatpay/simulator-mode";
import { machineCpu } from "./machine";

const [url, latencyArg, concurrencyArg, rateArg, capArg, resultFile] = process.argv.slice(2);
const concurrency = Number(concurrencyArg);
const env = parseEnv({}); // retry policy defaults

const merchant = generateMerchantKeys();
const simulatorProcess = spawn(process.execPath, ["--import", "tsx", "bench/sync-simulator.ts", SIMULATOR_MCHID, merchant.serial, latencyArg], {
  stdio: ["pipe", "pipe", "inherit"],
});
simulatorProcess.stdin.write(`${String(merchant.publicKey.export({ type: "spki", format: "pem" })).replace(/\n/g, "\\n")}\n`);
const firstLine = await readline.createInterface({ input: simulatorProcess.stdout })[Symbol.asyncIterator]().next();
if (firstLine.done) throw new Error("the simulator process exited before it was listening");
const info = JSON.parse(String(firstLine.value)) as { url: string; platformKeyId: string; platformPublicKey: string };
const target = simulatorTarget({ url: info.url, platformKeyId: info.platformKeyId, platformPublicKey: createPublicKey(info.platformPublicKey) }, merchant);

const db = createPrismaClient(url, { max: concurrency + 2 }); // as scripts/start.ts sizes the worker's pool
const watcher = new pg.Client({ connectionString: url });
await watcher.connect();
const left = async () =>
  Number((await watcher.query("SELECT count(*) AS n FROM wechat_syncs WHERE status IN ('PENDING', 'RETRYING')")).rows[0].n);

const cpu = process.cpuUsage();
const machine = machineCpu();
const started = Date.now();
const worker = await startSyncWorker({
  db,
  databaseUrl: url,
  client: createExtPaymentClient(target, { maxSockets: concurrency }),
  policy: { delaysMs: env.SYNC_RETRY_DELAYS, rateLimitedMinMs: env.SYNC_RATE_LIMITED_DELAY, jitter: 0.2 },
  concurrency,
  ratePerSecond: Number(rateArg),
});
// A slow machine stops at the cap with part of the queue drained; the rate is what counts.
const deadline = started + Number(capArg) * 1000;
let capped = false;
while ((await left()) > 0) {
  if (Date.now() > deadline) {
    capped = true;
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}
const used = process.cpuUsage(cpu);
const machineBusy = machine.stop();
await worker.stop();
// The drain ended with the last settled sync, not with this poll.
const { rows } = await watcher.query<{ synced: string; failed: string; attempts: string; last: Date }>(
  `SELECT count(*) FILTER (WHERE status = 'SYNCED') AS synced, count(*) FILTER (WHERE status = 'FAILED') AS failed,
          (SELECT count(*) FROM wechat_sync_attempts) AS attempts, max(updated_at) AS last FROM wechat_syncs`,
);
const seconds = (rows[0].last.getTime() - started) / 1000;
const cpuMs = (used.user + used.system) / 1000;
fs.writeFileSync(
  resultFile,
  JSON.stringify({
    seconds,
    capped,
    synced: Number(rows[0].synced),
    failed: Number(rows[0].failed),
    processCpuPercent: Math.round((cpuMs / (Date.now() - started)) * 100),
    // Includes the worker's idle polling and its share of the watcher's queries: an upper bound.
    cpuMsPerPush: Number(rows[0].attempts) ? Math.round((cpuMs / Number(rows[0].attempts)) * 100) / 100 : null,
    machineCpuPercent: machineBusy === null ? null : Math.round(machineBusy * 100),
  }),
);
await watcher.end();
await db.$disconnect();
simulatorProcess.stdin.end();
await new Promise((resolve) => simulatorProcess.once("exit", resolve));
process.exit(0);
