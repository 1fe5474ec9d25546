// WeChat sync: a queue of pending syncs drained by the real worker against the simulator (in a
// process of its own, so the worker's CPU is measured alone), with
// no added latency and with 50 ms, at the shipped defaults and at settings that reach the goal.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseEnv } from "../lib/env";
import { freshDatabase, withClient, type BenchCluster } from "./database";
import { RESULTS_DIR } from "./servers";

export type SyncRun = {
  settings: "defaults" | "tuned";
  concurrency: number;
  ratePerSecond: number;
  latencyMs: number;
  syncs: number;
  seconds: number;
  /** Stopped at the time cap before the queue was empty. */
  capped: boolean;
  syncsPerSec: number;
  synced: number;
  failed: number;
  processCpuPercent: number;
  /** The worker process's CPU per WeChat call (attempts, not syncs). */
  cpuMsPerPush?: number | null;
  machineCpuPercent: number | null;
};

/** What the bench recommends for one WeChat merchant; see README "Performance". */
export const TUNED = { concurrency: 32, ratePerSecond: 500 };
export const LATENCIES = [0, 50];

async function queuePending(url: string, count: number) {
  await withClient(url, async (client) => {
    await client.query(
      `INSERT INTO renewals (idempotency_key, union_id, trade_no, out_trade_no, park_id, card_id, car_number, pay_state, amount_fen,
         arrive_money_fen, fee_fen, pay_company, pay_time, start_date, end_date, sign, data_text, raw_body, booked_at)
       SELECT 't:S' || g, '100000', 'S' || g, 'SO' || g, (20000 + g % 200)::text, 'SC' || g, '京S' || lpad(g::text, 5, '0'), 1, 25000,
         24850, 150, g % 2, now(), current_date, current_date + 29, 'X', '{}', '{}', now()
       FROM generate_series(1, $1::int) AS g`,
      [count],
    );
    await client.query("INSERT INTO wechat_syncs (renewal_id, updated_at) SELECT id, now() FROM renewals");
    await client.query("ANALYZE");
  });
}

function drain(url: string, latencyMs: number, concurrency: number, rate: number, capSeconds: number): Promise<Omit<SyncRun, "settings" | "concurrency" | "ratePerSecond" | "latencyMs" | "syncs" | "syncsPerSec">> {
  const resultFile = path.join(RESULTS_DIR, "sync.tmp");
  const logFile = fs.openSync(path.join(RESULTS_DIR, "sync-log.tmp"), "a");
  return new Promise((resolve, reject) => {
    const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
    const child = spawn(process.execPath, [...profile, "--import", "tsx", "bench/sync-drain.ts", url, String(latencyMs), String(concurrency), String(rate), String(capSeconds), resultFile], {
      stdio: ["ignore", logFile, "inherit"],
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      fs.closeSync(logFile);
      if (code !== 0) return reject(new Error(`sync drain exited with ${code}; see bench/results/sync-log.tmp`));
      const result = JSON.parse(fs.readFileSync(resultFile, "utf8"));
      fs.rmSync(resultFile);
      resolve(result);
    });
  });
}

export async function benchSync(cluster: BenchCluster, options: { syncs: number; defaultSyncs: number; capSeconds: number; log: (line: string) => void }) {
  const defaults = parseEnv({});
  const configs = [
    { settings: "defaults" as const, concurrency: defaults.SYNC_CONCURRENCY, ratePerSecond: defaults.SYNC_RATE_LIMIT, syncs: options.defaultSyncs },
    { settings: "tuned" as const, ...TUNED, syncs: options.syncs },
  ];
  fs.rmSync(path.join(RESULTS_DIR, "sync-log.tmp"), { force: true });
  const runs: SyncRun[] = [];
  for (const config of configs) {
    for (const latencyMs of LATENCIES) {
      const url = await freshDatabase(cluster, "bench_sync");
      await queuePending(url, config.syncs);
      const result = await drain(url, latencyMs, config.concurrency, config.ratePerSecond, options.capSeconds);
      const run = { ...config, latencyMs, ...result, seconds: Math.round(result.seconds * 10) / 10, syncsPerSec: Math.round(result.synced / result.seconds) };
      runs.push(run);
      options.log(
        `sync: ${config.settings} (concurrency ${config.concurrency}, ${config.ratePerSecond}/s), ${latencyMs} ms latency: ` +
          `${run.synced} of ${config.syncs} synced in ${run.seconds} s${run.capped ? " (time cap)" : ""} = ${run.syncsPerSec}/s, worker CPU ${run.processCpuPercent} %` +
          `, ${run.cpuMsPerPush ?? "–"} ms per push`,
      );
    }
  }
  return { runs };
}
