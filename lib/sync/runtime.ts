// Wires the worker to WeChat Pay: the live endpoint when WECHATPAY_* is configured, otherwise the
// bundled simulator in-process, so a fresh `npm start` shows the whole flow. Never ambiguous: the
// mode is returned, logged and shown on every dashboard page.
import type { Db } from "@/lib/db/client";
import type { Env } from "@/lib/env";
import { createExtPaymentClient, type ExtPaymentTarget } from "@/lib/wechatpay/client";
import { parseWechatPayConfig } from "@/lib/wechatpay/config";
import type { Simulator } from "@/lib/wechatpay/simulator";
import { startSimulatorTarget } from "@/lib/wechatpay/simulator-mode";
import { startSyncWorker, type SyncWorker } from "@/lib/sync/worker";

export type WechatMode = "live" | "simulator";

export type SyncRuntime = { mode: WechatMode; target: string; simulator?: Simulator; worker?: SyncWorker; stop(): Promise<void> };

/** Parses WECHATPAY_* (throws WechatPayConfigError with a clear message) and starts the simulator if needed. */
export async function resolveWechatTarget(simulatorPort = 0): Promise<{ mode: WechatMode; config: ExtPaymentTarget; simulator?: Simulator }> {
  const parsed = parseWechatPayConfig();
  if (parsed.mode === "live") return { mode: "live", config: parsed };
  const { simulator, target } = await startSimulatorTarget({ port: simulatorPort });
  return { mode: "simulator", simulator, config: target };
}

export async function startSyncRuntime(db: Db, databaseUrl: string, env: Env, options: { worker: boolean }): Promise<SyncRuntime> {
  const target = await resolveWechatTarget(env.WECHATPAY_SIM_PORT);
  const worker = options.worker
    ? await startSyncWorker({
        db,
        databaseUrl,
        client: createExtPaymentClient(target.config, { timeoutMs: Math.round(env.WECHATPAY_TIMEOUT) }),
        policy: { delaysMs: env.SYNC_RETRY_DELAYS, rateLimitedMinMs: env.SYNC_RATE_LIMITED_DELAY, jitter: 0.2 },
        concurrency: env.SYNC_CONCURRENCY,
        ratePerSecond: env.SYNC_RATE_LIMIT,
        leaseMs: env.SYNC_LEASE,
      })
    : undefined;
  return {
    mode: target.mode,
    target: target.config.baseUrl,
    simulator: target.simulator,
    worker,
    async stop() {
      await worker?.stop();
      await target.simulator?.close();
    },
  };
}
