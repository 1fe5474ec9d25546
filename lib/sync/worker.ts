// The WeChat sync worker: claims due syncs with a lease (claim.ts), maps and stores the body of
// each new round, pushes it, decides what the answer means (outcome.ts) and records it in one
// statement (record.ts). Woken by NOTIFY, polled as backstop. This file is only the loop.
import { randomUUID } from "node:crypto";
import os from "node:os";
import { sqlOf, type Db, type Sql } from "@/lib/db/client";
import { log, scalarLog } from "@/lib/log";
import { recordSyncAttempt } from "@/lib/metrics/record";
import type { ExtPaymentClient } from "@/lib/wechatpay/client";
import { MappingError, serializeExtPaymentBody, toExtPaymentBody } from "@/lib/wechatpay/mapping";
import { SYNC_CHANNEL } from "@/lib/sync/channel";
import { claimDueSyncs, releaseLeases, storeRequestBodies, type ClaimedSync } from "@/lib/sync/claim";
import { forgetWorker, recordTick } from "@/lib/sync/heartbeat";
import { listen } from "@/lib/sync/listener";
import { decideOutcome } from "@/lib/sync/outcome";
import { RateLimiter } from "@/lib/sync/rate-limiter";
import { recordAttempt, recordMappingFailure, type AttemptRecord } from "@/lib/sync/record";
import type { RetryPolicy } from "@/lib/sync/retry-policy";

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

/** What a push needs from its worker; passed explicitly so each step can be run on its own. */
export type PushContext = {
  sql: Sql;
  workerId: string;
  client: ExtPaymentClient;
  policy: RetryPolicy;
  limiter: RateLimiter;
  /** Settles when the worker is told to stop. */
  stopping: Promise<void>;
  isStopping(): boolean;
};

export type ReadySync = ClaimedSync & { requestBody: string };

/**
 * Gives every claimed sync its body: the stored one, or a freshly mapped one (stored for the whole
 * batch in one statement before anything is sent). Unmappable ones fail at once and are dropped.
 */
export async function prepareBodies(ctx: Pick<PushContext, "sql" | "workerId">, claimed: ClaimedSync[]): Promise<ReadySync[]> {
  const ready: ReadySync[] = [];
  const fresh: { id: number; body: string }[] = [];
  for (const sync of claimed) {
    if (sync.requestBody) {
      ready.push({ ...sync, requestBody: sync.requestBody });
      continue;
    }
    try {
      const body = serializeExtPaymentBody(toExtPaymentBody(sync.renewal, sync.park));
      fresh.push({ id: sync.id, body });
      ready.push({ ...sync, requestBody: body });
    } catch (error) {
      if (!(error instanceof MappingError)) throw error;
      await recordMappingFailure(ctx.sql, ctx.workerId, sync.id, error.message);
      recordSyncAttempt("mapping_error", null);
      log.warn({ worker: ctx.workerId, syncId: sync.id, err: error.message }, "wechat sync cannot be mapped");
    }
  }
  await storeRequestBodies(ctx.sql, ctx.workerId, fresh);
  return ready;
}

/**
 * One push of one sync: wait for the rate limiter, send the round's exact bytes, decide, record.
 * A push not yet sent when the worker stops is left alone (stop() releases its lease).
 */
export async function pushSync(ctx: PushContext, sync: ReadySync): Promise<void> {
  await Promise.race([ctx.limiter.take(), ctx.stopping]);
  if (ctx.isStopping()) return;
  const startedAt = new Date();
  const answer = await ctx.client.post(sync.requestBody);
  // Wall time on the same millisecond clock as startedAt, so started_at + duration_ms is never
  // before WeChat saw the call (the client's own sub-ms timer, rounded, could end a little early).
  const result = { ...answer, durationMs: Math.max(answer.durationMs, Date.now() - startedAt.getTime()) };
  if (result.httpStatus === 429) ctx.limiter.rateLimited(result.retryAfterSec);
  else if (result.outcome === "SUCCESS") ctx.limiter.succeeded();

  const attempt = sync.attemptCount + 1;
  const outcome = decideOutcome(result, attempt, ctx.policy);
  // The first attempt of a round an operator queued is theirs; retries are the worker's.
  const byOperator = sync.attemptCount === 0 && sync.roundTrigger !== "WORKER";
  const record: AttemptRecord = {
    syncId: sync.id,
    startedAt,
    body: sync.requestBody,
    result,
    attempt,
    trigger: byOperator ? sync.roundTrigger : "WORKER",
    triggeredBy: byOperator ? sync.roundRequestedBy : null,
  };
  await recordUntilDone(ctx, () => recordAttempt(ctx.sql, ctx.workerId, record, outcome), sync.id);
  recordSyncAttempt(outcome.attemptOutcome === "SUCCESS" ? "success" : outcome.attemptOutcome === "UNVERIFIED" ? "unverified" : outcome.attemptOutcome === "PERMANENT" ? "permanent" : "transient", result);
  // Every field is a scalar we produced or WeChat's code/host: no redaction pass on the hot path.
  scalarLog.info(
    {
      worker: ctx.workerId,
      syncId: sync.id,
      attempt,
      outcome: result.outcome,
      status: outcome.status,
      httpStatus: result.httpStatus,
      code: result.code,
      wechatRequestId: result.requestId ?? undefined,
      host: result.host,
      failedOverFrom: result.failedOverFrom?.host,
      trigger: record.trigger,
      ms: result.durationMs,
    },
    "wechat sync attempt",
  );
}

/**
 * Records what WeChat answered, waiting out a database outage: dropping a verified 204 here would
 * let the lease expire and push the payment a second time. Gives up only when the worker stops.
 */
async function recordUntilDone(ctx: PushContext, write: () => Promise<unknown>, syncId: number): Promise<void> {
  for (let delayMs = 250; ; delayMs = Math.min(delayMs * 2, 5_000)) {
    try {
      await write();
      return;
    } catch (error) {
      if (ctx.isStopping()) throw error;
      log.warn({ worker: ctx.workerId, syncId, err: (error as Error).message, retryInMs: delayMs }, "cannot record a WeChat answer yet; retrying");
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

export async function startSyncWorker(options: WorkerOptions): Promise<SyncWorker> {
  const id = options.id ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 2_000;
  const limiter = new RateLimiter(options.ratePerSecond);
  let signalStop = () => {};
  const stopping = new Promise<void>((resolve) => (signalStop = resolve));
  let stopped = false;
  const ctx: PushContext = {
    sql: sqlOf(options.db),
    workerId: id,
    client: options.client,
    policy: options.policy,
    limiter,
    stopping,
    isStopping: () => stopped,
  };
  const inFlight = new Map<number, Promise<void>>(); // by sync id
  const waker = new Waker();
  // Claim again once a quarter of the slots are free, not after every push: one claim (and one
  // body write) then serves several pushes. NOTIFY and the poll still wake at once.
  const refillAt = Math.max(1, Math.floor(options.concurrency / 4));

  const listener = listen({ databaseUrl: options.databaseUrl, channel: SYNC_CHANNEL, onWake: () => waker.wake(), worker: id });

  async function claimBatch(free: number): Promise<ReadySync[]> {
    try {
      return await prepareBodies(ctx, await claimDueSyncs(ctx.sql, id, free, leaseMs, [...inFlight.keys()]));
    } catch (error) {
      // Database trouble: claims taken stay leased until they expire (or stop() releases them).
      log.warn({ worker: id, err: (error as Error).message }, "cannot claim syncs; retrying");
      return [];
    }
  }

  function start(sync: ReadySync) {
    const task = pushSync(ctx, sync)
      .catch((error) => {
        recordSyncAttempt("error", null);
        log.error({ worker: id, syncId: sync.id, err: error }, "wechat sync failed unexpectedly");
      })
      .finally(() => {
        inFlight.delete(sync.id);
        if (options.concurrency - inFlight.size >= refillAt) waker.wake();
      });
    inFlight.set(sync.id, task);
  }

  const loop = (async () => {
    while (!stopped) {
      recordTick(id, inFlight.size);
      const free = options.concurrency - inFlight.size;
      const claimed = free > 0 ? await claimBatch(free) : [];
      if (stopped) break; // stop() releases what was just claimed
      for (const sync of claimed) start(sync);
      // A full batch means more may be due: claim again as soon as slots free up.
      if (claimed.length && claimed.length === free) await waker.sleep(pollMs, () => options.concurrency - inFlight.size >= refillAt);
      else await waker.sleep(pollMs);
    }
  })();

  return {
    id,
    limiter,
    wake: () => waker.wake(),
    async stop() {
      stopped = true;
      signalStop();
      waker.wake();
      await loop;
      await Promise.allSettled([...inFlight.values()]);
      try {
        const released = await releaseLeases(ctx.sql, id);
        if (released) log.info({ worker: id, released }, "released sync leases on stop");
      } catch (error) {
        log.warn({ worker: id, err: (error as Error).message }, "cannot release sync leases; they expire on their own");
      }
      forgetWorker(id);
      await listener.close();
    },
  };
}

/** Sleep until woken or the poll interval passes; a wake-up while awake is not lost. */
class Waker {
  private pending = false;
  private resolve: (() => void) | null = null;

  wake() {
    this.pending = true;
    this.resolve?.();
  }

  /** Returns at once if woken since the last sleep (and `ready` allows it). */
  async sleep(ms: number, ready: () => boolean = () => true): Promise<void> {
    if (this.pending && ready()) {
      this.pending = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.resolve = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.resolve = () => {
        if (ready()) done();
      };
    });
    this.pending = false;
  }
}
