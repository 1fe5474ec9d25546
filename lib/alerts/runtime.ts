// The alert loop: evaluates the rules every EVALUATE_MS and sends queued deliveries (woken by
// NOTIFY, polled as backstop). Its own database pool and its own timers: a slow SMTP server or a
// dead robot URL never holds up intake or the sync worker. Started beside the sync worker.
import { randomUUID } from "node:crypto";
import os from "node:os";
import type { Db } from "@/lib/db/client";
import type { Env } from "@/lib/env";
import { log } from "@/lib/log";
import { listen } from "@/lib/sync/listener";
import { loadChannels } from "@/lib/alerts/channels";
import { deliverDue } from "@/lib/alerts/delivery";
import { ALERTS_CHANNEL, evaluateAlerts } from "@/lib/alerts/evaluator";
import { configuredKeyExpiries } from "@/lib/alerts/key-expiry";

export type AlertRuntime = { id: string; stop(): Promise<void>; wake(): void };

type Options = { db: Db; databaseUrl: string; env: Env; evaluateMs?: number; pollMs?: number };

export function alertBaseUrl(env: Pick<Env, "PUBLIC_URL" | "PORT">): string {
  return env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
}

export function startAlertRuntime(options: Options): AlertRuntime {
  const id = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const { db, env } = options;
  const evaluateMs = options.evaluateMs ?? 30_000;
  const pollMs = options.pollMs ?? 5_000;
  const keys = configuredKeyExpiries();
  let stopped = false;
  let wakeUp: (() => void) | null = null;
  const wake = () => wakeUp?.();
  const listener = listen({ databaseUrl: options.databaseUrl, channel: ALERTS_CHANNEL, onWake: wake, worker: `alerts:${id}` });

  const loop = (async () => {
    let lastEvaluation = 0;
    while (!stopped) {
      try {
        const channels = await loadChannels(db, env);
        if (Date.now() - lastEvaluation >= evaluateMs) {
          lastEvaluation = Date.now();
          await evaluateAlerts(db, { baseUrl: alertBaseUrl(env), channels, keys });
        }
        await deliverDue(db, { channels });
      } catch (error) {
        log.warn({ alerts: id, err: (error as Error).message }, "alert pass failed; retrying");
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wakeUp = () => {
          clearTimeout(timer);
          wakeUp = null;
          resolve();
        };
      });
    }
  })();

  return {
    id,
    wake,
    async stop() {
      stopped = true;
      wake();
      await loop;
      await listener.close();
    },
  };
}
