// The WeChat sync worker: claims due syncs with FOR UPDATE SKIP LOCKED and a lease (so several
// instances share one database and a dead process's claims come back), pushes each with its
// stored body, records every attempt, and schedules retries. Woken by NOTIFY, polled as backstop.
import { randomUUID } from "node:crypto";
import os from "node:os";
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { recordSyncAttempt } from "@/lib/metrics/record";
import type { CallResult, ExtPaymentClient } from "@/lib/wechatpay/client";
import { MappingError, toExtPaymentBody } from "@/lib/wechatpay/mapping";
import { forgetWorker, recordTick } from "@/lib/sync/heartbeat";
import { listen } from "@/lib/sync/listener";
import { RateLimiter } from "@/lib/sync/rate-limiter";
import { nextDelayMs, type RetryPolicy } from "@/lib/sync/retry-policy";
import { PAUSED_SETTING } from "@/lib/sync/settings";

export const SYNC_CHANNEL = "wechat_sync";

export type WorkerOptions = {
  db: Db;
  databaseUrl: string;
  client: ExtPaymentClient;
  policy: RetryPolicy;
  concurrency: number;
  ratePerSecond: number;
  leaseMs?: number;
  pollMs?: number;
  id?: string;
};

export type SyncWorker = { id: string; stop(): Promise<void>; wake(): void; limiter: RateLimiter };

export async function startSyncWorker(options: WorkerOptions): Promise<SyncWorker> {
  const id = options.id ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 2_000;
  const limiter = new RateLimiter(options.ratePerSecond);
  const { db } = options;
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let signalStop = () => {};
  const stopping = new Promise<void>((resolve) => (signalStop = resolve));
  let wakeUp: (() => void) | null = null;
  let woken = false; // a wake-up that arrived while the loop was busy claiming
  const wake = () => {
    woken = true;
    wakeUp?.();
  };

  const listener = listen({ databaseUrl: options.databaseUrl, channel: SYNC_CHANNEL, onWake: wake, worker: id });

  async function claim(limit: number): Promise<number[]> {
    const rows = await db.$queryRaw<{ id: number }[]>`
      UPDATE wechat_syncs SET lease_owner = ${id}, lease_expires_at = now() + ${leaseMs} * interval '1 millisecond'
      WHERE id IN (
        SELECT id FROM wechat_syncs
        WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at <= now()
          AND (lease_expires_at IS NULL OR lease_expires_at < now())
          AND NOT EXISTS (SELECT 1 FROM settings WHERE key = ${PAUSED_SETTING} AND value = 'true'::jsonb)
        ORDER BY next_attempt_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING id`;
    return rows.map((row) => row.id);
  }

  async function push(syncId: number, attemptLog: typeof log): Promise<void> {
    const sync = await db.wechatSync.findUniqueOrThrow({
      where: { id: syncId },
      include: { renewal: true },
    });
    let body = sync.requestBody;
    if (!body) {
      try {
        const park = await db.park.findUnique({ where: { parkId: sync.renewal.parkId } });
        body = JSON.stringify(toExtPaymentBody(sync.renewal, park));
      } catch (error) {
        if (!(error instanceof MappingError)) throw error;
        await finish(syncId, null, { status: "FAILED", lastError: `cannot map: ${error.message}` });
        recordSyncAttempt("mapping_error", null);
        attemptLog.warn({ err: error.message }, "wechat sync cannot be mapped");
        return;
      }
      // Every retry of this round sends these exact bytes.
      await db.wechatSync.updateMany({ where: { id: syncId, leaseOwner: id }, data: { requestBody: body } });
    }
    await Promise.race([limiter.take(), stopping]);
    // Stopping: a push not yet sent is left for another instance (stop() releases its lease).
    if (stopped) return;
    const startedAt = new Date();
    const result = await options.client.post(body);
    if (result.httpStatus === 429) limiter.rateLimited(result.retryAfterSec);
    else if (result.outcome === "SUCCESS") limiter.succeeded();

    const attempt = sync.attemptCount + 1;
    const error = describe(result);
    if (result.outcome === "SUCCESS") {
      await record(syncId, { startedAt, body, result, attempt }, { status: "SYNCED", syncedAt: new Date(), lastError: null });
    } else if (result.outcome === "PERMANENT") {
      await record(syncId, { startedAt, body, result, attempt }, { status: "FAILED", lastError: error });
    } else {
      const delay = nextDelayMs(options.policy, attempt, result);
      await record(
        syncId,
        { startedAt, body, result, attempt },
        delay === null
          ? { status: "FAILED", lastError: `gave up after ${attempt} attempts: ${error}` }
          : { status: "RETRYING", nextAttemptAt: new Date(Date.now() + delay), lastError: error },
      );
    }
    recordSyncAttempt(result.outcome === "SUCCESS" ? "success" : result.outcome === "PERMANENT" ? "permanent" : "transient", result);
    attemptLog.info(
      {
        attempt,
        outcome: result.outcome,
        httpStatus: result.httpStatus,
        code: result.code,
        wechatRequestId: result.requestId ?? undefined,
        host: result.host,
        failedOverFrom: result.failedOverFrom?.host,
        ms: result.durationMs,
      },
      "wechat sync attempt",
    );
  }

  type Attempt = { startedAt: Date; body: string; result: CallResult; attempt: number };
  type Update = { status: "SYNCED" | "FAILED" | "RETRYING"; lastError: string | null; nextAttemptAt?: Date; syncedAt?: Date };

  /**
   * Records what WeChat answered, waiting out a database outage: dropping a verified 204 here would
   * let the lease expire and push the payment a second time. Gives up only when the worker stops.
   */
  async function record(syncId: number, attempt: Attempt, update: Update) {
    for (let delayMs = 250; ; delayMs = Math.min(delayMs * 2, 5_000)) {
      try {
        return await finish(syncId, attempt, update);
      } catch (error) {
        if (stopped) throw error;
        log.warn({ worker: id, syncId, err: (error as Error).message, retryInMs: delayMs }, "cannot record a WeChat answer yet; retrying");
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
  }

  async function finish(syncId: number, attempt: Attempt | null, update: Update) {
    await db.$transaction(async (tx) => {
      if (attempt) {
        const { result } = attempt;
        await tx.wechatSyncAttempt.create({
          data: {
            syncId,
            startedAt: attempt.startedAt,
            durationMs: result.durationMs,
            host: result.host,
            httpStatus: result.httpStatus,
            code: result.code,
            message: result.message,
            requestBody: attempt.body,
            responseBody: result.responseBody,
            signatureCheck: result.signatureCheck,
            outcome: result.outcome,
          },
        });
      }
      // Only the lease holder moves the sync on; a worker that lost its lease just leaves its record.
      await tx.wechatSync.updateMany({
        where: { id: syncId, leaseOwner: id },
        data: {
          ...update,
          attemptCount: attempt ? attempt.attempt : undefined,
          lastHttpStatus: attempt?.result.httpStatus ?? null,
          lastCode: attempt?.result.code ?? null,
          leaseOwner: null,
          leaseExpiresAt: null,
        },
      });
    });
  }

  async function run(syncId: number) {
    const attemptLog = log.child({ worker: id, syncId, attemptId: randomUUID() });
    try {
      await push(syncId, attemptLog);
    } catch (error) {
      // Database trouble: leave the lease to expire (or stop() to release it) and the sync is picked up again.
      recordSyncAttempt("error", null);
      attemptLog.error({ err: error }, "wechat sync failed unexpectedly");
    }
  }

  /** Claims this worker still holds on unfinished syncs go back at once, not after the lease. */
  async function releaseLeases(): Promise<number> {
    return db.$executeRaw`
      UPDATE wechat_syncs SET lease_owner = NULL, lease_expires_at = NULL
      WHERE lease_owner = ${id} AND status IN ('PENDING', 'RETRYING')`;
  }

  const loop = (async () => {
    while (!stopped) {
      recordTick(id, inFlight.size);
      let claimed: number[] = [];
      const free = options.concurrency - inFlight.size;
      if (free > 0) {
        try {
          claimed = await claim(free);
        } catch (error) {
          log.warn({ worker: id, err: (error as Error).message }, "cannot claim syncs; retrying");
        }
      }
      for (const syncId of claimed) {
        const task = run(syncId).finally(() => {
          inFlight.delete(task);
          wake();
        });
        inFlight.add(task);
      }
      if (claimed.length && claimed.length === free) continue;
      if (woken) {
        woken = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wakeUp = () => {
          clearTimeout(timer);
          wakeUp = null;
          woken = false;
          resolve();
        };
      });
    }
  })();

  return {
    id,
    limiter,
    wake,
    async stop() {
      stopped = true;
      signalStop();
      wake();
      await loop;
      await Promise.allSettled([...inFlight]);
      try {
        const released = await releaseLeases();
        if (released) log.info({ worker: id, released }, "released sync leases on stop");
      } catch (error) {
        log.warn({ worker: id, err: (error as Error).message }, "cannot release sync leases; they expire on their own");
      }
      forgetWorker(id);
      await listener.close();
    },
  };
}

function describe(result: CallResult): string {
  const parts = [result.httpStatus ? `HTTP ${result.httpStatus}` : null, result.code, result.message];
  if (result.signatureCheck && result.signatureCheck !== "verified") parts.push(`unverifiable response: ${result.signatureCheck}`);
  return parts.filter(Boolean).join(" · ").slice(0, 500);
}
