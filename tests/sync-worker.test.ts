// The sync worker against the simulator and a real database: retries, failures, leases, two workers.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { sqlOf } from "@/lib/db/client";
import { claimDueSyncs, releaseLeases } from "@/lib/sync/claim";
import { recordAttempt } from "@/lib/sync/record";
import { requeueSyncs } from "@/lib/sync/resend";
import { prepareBodies, startSyncWorker, type SyncWorker } from "@/lib/sync/worker";
import { createExtPaymentClient } from "@/lib/wechatpay/client";
import { generateKeyPair } from "@/lib/wechatpay/keys";
import { startWechatPaySimulator, type Simulator } from "@/lib/wechatpay/simulator";
import { simulatorTarget } from "@/lib/wechatpay/simulator-mode";
import { createTestDatabase } from "./helpers/database";
import { SYNC_CHANNEL } from "@/lib/sync/channel";

let db: Db;
let url: string;
let sim: Simulator;
const merchant = generateKeyPair();
const workers: SyncWorker[] = [];
const policy = { delaysMs: [0, 50, 50, 50, 50], rateLimitedMinMs: 400, jitter: 0.2 };

function client(timeoutMs = 10_000) {
  return createExtPaymentClient(simulatorTarget(sim, merchant, "1900000001"), { timeoutMs });
}

async function worker(options: { timeoutMs?: number; concurrency?: number; id?: string; leaseMs?: number; ratePerSecond?: number } = {}) {
  const started = await startSyncWorker({
    db,
    databaseUrl: url,
    client: client(options.timeoutMs),
    policy,
    concurrency: options.concurrency ?? 4,
    ratePerSecond: options.ratePerSecond ?? 1000,
    pollMs: 100,
    leaseMs: options.leaseMs,
    id: options.id,
  });
  workers.push(started);
  return started;
}

let counter = 0;
async function pendingSync(fields: { parkId?: string; tradeNo?: string } = {}): Promise<{ id: number; outTradeNo: string }> {
  const outTradeNo = `OUT-${Date.now()}-${counter++}`;
  const renewal = await db.renewal.create({
    data: {
      idempotencyKey: `t:${outTradeNo}`,
      unionId: "100000",
      tradeNo: fields.tradeNo ?? `T${outTradeNo}`,
      outTradeNo,
      parkId: fields.parkId ?? "21845",
      payState: 1,
      amountFen: 12050,
      payCompany: 0,
      payTime: new Date(1_790_000_000_000),
      startDate: new Date("2026-11-01T00:00:00Z"),
      endDate: new Date("2026-11-30T00:00:00Z"),
      sign: "X",
      dataText: "{}",
      rawBody: "{}",
      bookedAt: new Date(),
    },
  });
  const sync = await db.wechatSync.create({ data: { renewalId: renewal.id } });
  await db.$executeRaw`SELECT pg_notify(${SYNC_CHANNEL}, ${String(sync.id)})`;
  return { id: sync.id, outTradeNo };
}

async function settled(id: number, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sync = await db.wechatSync.findUniqueOrThrow({ where: { id }, include: { attempts: { orderBy: { id: "asc" } } } });
    if (sync.status === "SYNCED" || sync.status === "FAILED") return sync;
    if (Date.now() > deadline) throw new Error(`sync ${id} still ${sync.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function until(condition: () => Promise<boolean>, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  ({ db, url } = await createTestDatabase());
  sim = await startWechatPaySimulator({ mchid: "1900000001", merchantSerialNo: merchant.serial, merchantPublicKey: merchant.publicKey });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => sim.reset());
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  await db.setting.deleteMany();
});

describe("WeChat sync worker", () => {
  it("pushes a new sync at once, with the mapped body, and records a verified success", async () => {
    await db.park.upsert({ where: { parkId: "P-MAPPED" }, create: { parkId: "P-MAPPED", wxParkingLotId: "WX-1" }, update: {} });
    await worker();
    const wxTradeNo = `42${String(Date.now()).padStart(26, "0")}`;
    const { id, outTradeNo } = await pendingSync({ parkId: "P-MAPPED", tradeNo: wxTradeNo });
    const sync = await settled(id);
    expect(sync).toMatchObject({ status: "SYNCED", attemptCount: 1, leaseOwner: null, lastError: null });
    expect(sync.attempts).toHaveLength(1);
    expect(sync.attempts[0]).toMatchObject({ outcome: "SUCCESS", httpStatus: 204, signatureCheck: "verified" });
    expect(JSON.parse(sync.attempts[0].requestBody)).toEqual({
      out_trade_no: outTradeNo,
      fee_items: [{ fee_type: "EXT_PARKING_PAYMENT_FEE_TYPE_MONTHLY", amount: 12050 }],
      pay_time: 1_790_000_000,
      wx_parking_lot_id: "WX-1",
      wx_trade_no: wxTradeNo,
    });
    expect(sim.acceptedCount(outTradeNo)).toBe(1);
  });

  it("retries 3 × 500 with the same body, then succeeds", async () => {
    sim.inject("500", 3);
    await worker();
    const { id, outTradeNo } = await pendingSync();
    const sync = await settled(id);
    expect(sync.status).toBe("SYNCED");
    expect(sync.attempts.map((a) => [a.outcome, a.httpStatus])).toEqual([
      ["TRANSIENT", 500],
      ["TRANSIENT", 500],
      ["TRANSIENT", 500],
      ["SUCCESS", 204],
    ]);
    expect(new Set(sync.attempts.map((a) => a.requestBody)).size).toBe(1);
    expect(sim.acceptedCount(outTradeNo)).toBe(1);
  });

  it("slows down on 429: waits at least the rate-limited delay and lowers its pace", async () => {
    sim.inject("429");
    const w = await worker();
    const { id } = await pendingSync();
    const sync = await settled(id);
    expect(sync.attempts.map((a) => a.httpStatus)).toEqual([429, 204]);
    const gap = sync.attempts[1].startedAt.getTime() - sync.attempts[0].startedAt.getTime();
    expect(gap).toBeGreaterThanOrEqual(policy.rateLimitedMinMs);
    expect(w.limiter.currentRate).toBeLessThan(1000);
  });

  it("fails a 400 at once with WeChat's code and message", async () => {
    sim.inject("400");
    await worker();
    const { id, outTradeNo } = await pendingSync();
    const sync = await settled(id);
    expect(sync).toMatchObject({ status: "FAILED", attemptCount: 1, lastHttpStatus: 400, lastCode: "PARAM_ERROR" });
    expect(sync.lastError).toContain("wx_parking_lot_id 不存在");
    expect(sim.acceptedCount(outTradeNo)).toBe(0);
  });

  it("retries a timeout and an unverifiable answer", async () => {
    sim.inject("timeout");
    sim.inject("bad-signature");
    await worker({ timeoutMs: 300 });
    const { id } = await pendingSync();
    const sync = await settled(id);
    expect(sync.status).toBe("SYNCED");
    expect(sync.attempts.map((a) => [a.outcome, a.signatureCheck])).toEqual([
      ["TRANSIENT", null],
      ["TRANSIENT", "signature mismatch"],
      ["SUCCESS", "verified"],
    ]);
  });

  it("marks a sync failed when the schedule is exhausted", async () => {
    sim.inject("500", policy.delaysMs.length);
    await worker();
    const { id } = await pendingSync();
    const sync = await settled(id);
    expect(sync).toMatchObject({ status: "FAILED", attemptCount: policy.delaysMs.length });
    expect(sync.lastError).toMatch(/^gave up after 5 attempts: HTTP 500/);
  });

  it("picks up a sync claimed by a process that died, once its lease expires", async () => {
    const { id, outTradeNo } = await pendingSync();
    await db.wechatSync.update({
      where: { id },
      data: { leaseOwner: "dead-process", leaseExpiresAt: new Date(Date.now() + 500) },
    });
    await worker();
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await db.wechatSync.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING"); // still leased
    const sync = await settled(id);
    expect(sync.status).toBe("SYNCED");
    expect(sync.attempts.filter((a) => a.outcome === "SUCCESS")).toHaveLength(1);
    expect(sim.acceptedCount(outTradeNo)).toBe(1);
  });

  it("stop() finishes the push in flight and releases the claims it never sent, so another worker takes them at once", async () => {
    const foreign = await pendingSync();
    const foreignLease = new Date(Date.now() + 60_000);
    await db.wechatSync.update({ where: { id: foreign.id }, data: { leaseOwner: "other-process", leaseExpiresAt: foreignLease } });
    const mine = await Promise.all(Array.from({ length: 4 }, () => pendingSync()));
    const ids = mine.map((sync) => sync.id);
    sim.setLatency(400);
    // One call every 10 s: the first goes out, the other three claims wait for the rate limiter.
    const first = await worker({ id: "stopping", concurrency: 4, ratePerSecond: 0.1 });
    // All four claimed and at the rate limiter (their body is stored just before): one call is on the wire.
    await until(async () => (await db.wechatSync.count({ where: { id: { in: ids }, leaseOwner: "stopping", requestBody: { not: null } } })) === 4);
    await new Promise((resolve) => setTimeout(resolve, 100));

    const stopStarted = Date.now();
    await first.stop();
    workers.splice(workers.indexOf(first), 1);
    expect(Date.now() - stopStarted).toBeLessThan(3_000);

    const after = await db.wechatSync.findMany({ where: { id: { in: ids } } });
    expect(after.filter((sync) => sync.status === "SYNCED")).toHaveLength(1); // the push in flight was finished
    const released = after.filter((sync) => sync.status !== "SYNCED");
    expect(released).toHaveLength(3);
    for (const sync of released) expect(sync).toMatchObject({ status: "PENDING", attemptCount: 0, leaseOwner: null, leaseExpiresAt: null });
    expect(await db.wechatSync.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({
      leaseOwner: "other-process",
      leaseExpiresAt: foreignLease,
    });
    expect(sim.received).toHaveLength(1);

    sim.setLatency(0);
    const takeover = Date.now();
    await worker({ id: "next" });
    for (const sync of released) expect((await settled(sync.id, 5_000)).status).toBe("SYNCED");
    expect(Date.now() - takeover).toBeLessThan(5_000); // not after the 60 s lease
    for (const { outTradeNo } of mine) expect(sim.acceptedCount(outTradeNo)).toBe(1);
  });

  it("two workers on one database push each sync exactly once", async () => {
    await worker({ id: "a", concurrency: 3 });
    await worker({ id: "b", concurrency: 3 });
    sim.setLatency(5);
    const syncs = await Promise.all(Array.from({ length: 40 }, () => pendingSync()));
    for (const { id } of syncs) expect((await settled(id)).status).toBe("SYNCED");
    for (const { outTradeNo } of syncs) expect(sim.acceptedCount(outTradeNo)).toBe(1);
    const attempts = await db.wechatSyncAttempt.count({ where: { syncId: { in: syncs.map((s) => s.id) } } });
    expect(attempts).toBe(40);
  });

  it("resends a failed sync once the cause is fixed; refuses a synced one unless forced", async () => {
    sim.inject("400");
    await worker();
    const { id, outTradeNo } = await pendingSync();
    expect((await settled(id)).status).toBe("FAILED");

    const result = await db.$transaction((tx) => requeueSyncs(tx, [id]));
    expect(result).toEqual({ queued: 1, skippedSynced: 0, skippedUnverified: 0, skippedInProgress: 0 });
    const sync = await settled(id);
    expect(sync.status).toBe("SYNCED");
    expect(sync.attempts.map((a) => a.outcome)).toEqual(["PERMANENT", "SUCCESS"]);

    expect(await db.$transaction((tx) => requeueSyncs(tx, [id]))).toEqual({ queued: 0, skippedSynced: 1, skippedUnverified: 0, skippedInProgress: 0 });
    expect(sim.acceptedCount(outTradeNo)).toBe(1);
  });

  it("fails an unsigned 401 within 3 attempts, with WeChat's code and message, marked unsigned", async () => {
    sim.inject("unsigned-401", 10);
    await worker();
    const { id, outTradeNo } = await pendingSync();
    const sync = await settled(id);
    expect(sync).toMatchObject({ status: "FAILED", attemptCount: 3, lastHttpStatus: 401, lastCode: "SIGN_ERROR", lastSignatureCheck: "unsigned" });
    expect(sync.lastError).toBe("unsigned answer, 3 attempts: HTTP 401 · SIGN_ERROR · 签名错误，请检查后再试 · unsigned answer");
    expect(sync.lastError).not.toContain("missing Wechatpay");
    expect(sync.attempts.map((a) => [a.outcome, a.signatureCheck])).toEqual([
      ["TRANSIENT", "unsigned"],
      ["TRANSIENT", "unsigned"],
      ["PERMANENT", "unsigned"],
    ]);
    expect(sim.received).toHaveLength(3);
    expect(sim.acceptedCount(outTradeNo)).toBe(0);
  });

  it("pushes an unverifiable 204 once and leaves it for an operator, who confirms it (audited, shown in the timeline)", async () => {
    sim.inject("unverified-204");
    const w = await worker();
    const { id, outTradeNo } = await pendingSync();
    await until(async () => (await db.wechatSync.findUniqueOrThrow({ where: { id } })).status === "UNVERIFIED");
    // Not re-pushed on the retry schedule (50 ms here), not claimed on wake-ups either.
    w.wake();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const waiting = await db.wechatSync.findUniqueOrThrow({ where: { id }, include: { attempts: true } });
    expect(waiting).toMatchObject({ status: "UNVERIFIED", attemptCount: 1, leaseOwner: null, lastHttpStatus: 204, lastSignatureCheck: "signature mismatch" });
    expect(waiting.attempts.map((a) => [a.outcome, a.trigger, a.triggeredBy])).toEqual([["UNVERIFIED", "WORKER", null]]);
    expect(sim.received).toHaveLength(1);
    expect(sim.acceptedCount(outTradeNo)).toBe(1);

    const { confirmSyncs } = await import("@/lib/actions/sync");
    const viewer = await db.user.create({ data: { username: `cv${Date.now()}`, role: "VIEWER", passwordHash: "x" } });
    const operator = await db.user.create({ data: { username: `co${Date.now()}`, role: "OPERATOR", passwordHash: "x" } });
    expect(await confirmSyncs.run({ id: viewer.id, username: viewer.username, role: "VIEWER" }, { ids: [id] })).toEqual({ error: "forbidden" });
    expect(await confirmSyncs.run({ id: operator.id, username: operator.username, role: "OPERATOR" }, { ids: [id] })).toEqual({ data: { confirmed: 1 } });
    const confirmed = await db.wechatSync.findUniqueOrThrow({ where: { id } });
    expect(confirmed).toMatchObject({ status: "SYNCED", confirmedBy: operator.username, lastError: null });
    expect(confirmed.syncedAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "sync.confirm", actor: operator.username, target: String(id) } })).toBe(1);
    // Confirming again changes nothing; WeChat was called once in all.
    expect(await confirmSyncs.run({ id: operator.id, username: operator.username, role: "OPERATOR" }, { ids: [id] })).toEqual({ data: { confirmed: 0 } });
    expect(sim.received).toHaveLength(1);
  });

  it("force-resends an unverified push only when asked, and the attempt says who pressed it", async () => {
    sim.inject("unverified-204");
    await worker();
    const { id, outTradeNo } = await pendingSync();
    await until(async () => (await db.wechatSync.findUniqueOrThrow({ where: { id } })).status === "UNVERIFIED");

    const { resendSyncs } = await import("@/lib/actions/sync");
    const operator = await db.user.create({ data: { username: `fr${Date.now()}`, role: "OPERATOR", passwordHash: "x" } });
    const asOperator = { id: operator.id, username: operator.username, role: "OPERATOR" as const };
    expect(await resendSyncs.run(asOperator, { ids: [id] })).toEqual({ data: { queued: 0, skippedSynced: 0, skippedUnverified: 1, skippedInProgress: 0 } });
    expect(await resendSyncs.run(asOperator, { ids: [id], force: true })).toEqual({ data: { queued: 1, skippedSynced: 0, skippedUnverified: 0, skippedInProgress: 0 } });
    const sync = await settled(id);
    expect(sync.status).toBe("SYNCED");
    expect(sync.attempts.map((a) => [a.outcome, a.trigger, a.triggeredBy])).toEqual([
      ["UNVERIFIED", "WORKER", null],
      ["SUCCESS", "FORCED_RESEND", operator.username],
    ]);
    expect(sim.acceptedCount(outTradeNo)).toBe(2); // what "force" warns about
  });

  it("records who resent a failed sync on the attempt it causes; the worker's own retries stay the worker's", async () => {
    sim.inject("400");
    await worker();
    const { id } = await pendingSync();
    expect((await settled(id)).status).toBe("FAILED");
    const { resendSyncs } = await import("@/lib/actions/sync");
    const operator = await db.user.create({ data: { username: `rs${Date.now()}`, role: "OPERATOR", passwordHash: "x" } });
    sim.inject("500");
    expect(await resendSyncs.run({ id: operator.id, username: operator.username, role: "OPERATOR" }, { ids: [id] })).toMatchObject({ data: { queued: 1 } });
    const sync = await settled(id);
    expect(sync.attempts.map((a) => [a.httpStatus, a.trigger, a.triggeredBy])).toEqual([
      [400, "WORKER", null],
      [500, "RESEND", operator.username],
      [204, "WORKER", null],
    ]);
  });

  it("holds syncs while paused and drains them on resume", async () => {
    await db.setting.create({ data: { key: "sync.paused", value: true } });
    const w = await worker();
    const { id } = await pendingSync();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await db.wechatSync.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
    expect(sim.received).toHaveLength(0);
    await db.setting.delete({ where: { key: "sync.paused" } });
    w.wake();
    expect((await settled(id)).status).toBe("SYNCED");
  });
});

describe("the worker's steps, each on its own", () => {
  it("claims due syncs in one statement with what a push needs, leased to one worker; none while paused", async () => {
    await db.park.upsert({ where: { parkId: "P-CLAIM" }, create: { parkId: "P-CLAIM", wxParkingLotId: "WX-C", feeTypeOverride: "EXT_PARKING_PAYMENT_FEE_TYPE_QUARTERLY" }, update: {} });
    const a = await pendingSync({ parkId: "P-CLAIM" });
    const b = await pendingSync({ parkId: "P-UNMAPPED" });
    const sql = sqlOf(db);
    const claimed = await claimDueSyncs(sql, "claimer", 10, 60_000);
    const mine = claimed.filter((sync) => sync.id === a.id || sync.id === b.id);
    expect(mine).toHaveLength(2);
    expect(mine.find((sync) => sync.id === a.id)).toMatchObject({
      attemptCount: 0,
      requestBody: null,
      roundTrigger: "WORKER",
      renewal: { outTradeNo: a.outTradeNo, amountFen: 12050, startDate: new Date("2026-11-01T00:00:00Z"), endDate: new Date("2026-11-30T00:00:00Z"), payCompany: 0 },
      park: { wxParkingLotId: "WX-C", feeTypeOverride: "EXT_PARKING_PAYMENT_FEE_TYPE_QUARTERLY" },
    });
    expect(mine.find((sync) => sync.id === b.id)?.park).toBeNull();
    expect((await claimDueSyncs(sql, "other", 10, 60_000)).map((sync) => sync.id)).not.toContain(a.id); // leased
    expect(await releaseLeases(sql, "claimer")).toBeGreaterThanOrEqual(2);
    // A sync the worker is still busy with (its lease ran out while it waited to record) is not taken again.
    await db.wechatSync.update({ where: { id: a.id }, data: { leaseOwner: "claimer", leaseExpiresAt: new Date(Date.now() - 1) } });
    const again = (await claimDueSyncs(sql, "claimer", 50, 60_000, [a.id])).map((sync) => sync.id);
    expect(again).toContain(b.id);
    expect(again).not.toContain(a.id);
    await releaseLeases(sql, "claimer");

    await db.setting.create({ data: { key: "sync.paused", value: true } });
    expect(await claimDueSyncs(sql, "claimer", 10, 60_000)).toEqual([]);
  });

  it("stores a batch's fresh bodies before sending and fails an unmappable renewal at once", async () => {
    const good = await pendingSync();
    const bad = await pendingSync();
    await db.renewal.updateMany({ where: { sync: { id: bad.id } }, data: { amountFen: 0 } });
    const sql = sqlOf(db);
    const claimed = (await claimDueSyncs(sql, "preparer", 50, 60_000)).filter((sync) => sync.id === good.id || sync.id === bad.id);
    const ready = await prepareBodies({ sql, workerId: "preparer" }, claimed);
    expect(ready.map((sync) => sync.id)).toEqual([good.id]);
    const stored = await db.wechatSync.findUniqueOrThrow({ where: { id: good.id } });
    expect(stored.requestBody).toBe(ready[0].requestBody);
    expect(JSON.parse(stored.requestBody!)).toMatchObject({ out_trade_no: good.outTradeNo });
    expect(await db.wechatSync.findUniqueOrThrow({ where: { id: bad.id } })).toMatchObject({
      status: "FAILED",
      leaseOwner: null,
      lastError: "cannot map: WeChat Pay needs an amount of at least 1 fen",
    });
    await releaseLeases(sql, "preparer");
  });

  it("records an answer in one statement; a worker that lost its lease leaves the attempt but not the state", async () => {
    const { id } = await pendingSync();
    const sql = sqlOf(db);
    await claimDueSyncs(sql, "recorder", 50, 60_000);
    const result = { outcome: "SUCCESS", host: "h", httpStatus: 204, code: null, message: null, responseBody: null, signatureCheck: "verified", retryAfterSec: null, durationMs: 5 } as const;
    const record = { syncId: id, startedAt: new Date(), body: "{}", result, attempt: 1, trigger: "WORKER" as const, triggeredBy: null };
    const outcome = { status: "SYNCED", attemptOutcome: "SUCCESS", lastError: null, nextAttemptAt: null } as const;
    expect(await recordAttempt(sql, "not-the-holder", record, outcome)).toBe(false);
    expect(await db.wechatSync.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PENDING", leaseOwner: "recorder" });
    const holders = { ...record, startedAt: new Date(record.startedAt.getTime() + 1) };
    expect(await recordAttempt(sql, "recorder", holders, outcome)).toBe(true);
    const sync = await db.wechatSync.findUniqueOrThrow({ where: { id }, include: { attempts: true } });
    expect(sync).toMatchObject({ status: "SYNCED", attemptCount: 1, leaseOwner: null, lastHttpStatus: 204, lastSignatureCheck: "verified" });
    expect(sync.syncedAt).not.toBeNull();
    expect(sync.attempts).toHaveLength(2);
    // The same record again (a retry after its commit's answer was lost) logs nothing twice.
    expect(await recordAttempt(sql, "recorder", holders, outcome)).toBe(false);
    expect(await db.wechatSyncAttempt.count({ where: { syncId: id } })).toBe(2);
    await releaseLeases(sql, "recorder");
  });
});

describe("bulk resend and pause through the role-checked actions", () => {
  it("resends every failed sync matching a filter, operators only; admins pause and resume", async () => {
    const { resendFailedMatching, setSyncPaused } = await import("@/lib/actions/sync");
    const admin = await db.user.create({ data: { username: `a${Date.now()}`, role: "ADMIN", passwordHash: "x" } });
    const viewer = await db.user.create({ data: { username: `v${Date.now()}`, role: "VIEWER", passwordHash: "x" } });
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await pendingSync({ parkId: "BULK" })).id);
    const other = await pendingSync({ parkId: "OTHER" });
    await db.wechatSync.updateMany({ where: { id: { in: [...ids, other.id] } }, data: { status: "FAILED", lastCode: "PARAM_ERROR" } });

    expect(await resendFailedMatching.run({ id: viewer.id, username: viewer.username, role: "VIEWER" }, { park: "BULK" })).toEqual({ error: "forbidden" });
    expect(await setSyncPaused.run({ id: viewer.id, username: viewer.username, role: "VIEWER" }, { paused: true })).toEqual({ error: "forbidden" });

    const asAdmin = { id: admin.id, username: admin.username, role: "ADMIN" as const };
    expect(await setSyncPaused.run(asAdmin, { paused: true })).toEqual({ data: { paused: true } });
    expect(await resendFailedMatching.run(asAdmin, { park: "BULK" })).toEqual({ data: { queued: 3 } });
    const w = await worker();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await db.wechatSync.count({ where: { id: { in: ids }, status: "PENDING" } })).toBe(3); // held while paused
    expect(await setSyncPaused.run(asAdmin, { paused: false })).toEqual({ data: { paused: false } });
    w.wake();
    for (const id of ids) expect((await settled(id)).status).toBe("SYNCED");
    expect((await db.wechatSync.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("FAILED");
    expect(await db.auditLog.count({ where: { action: { in: ["sync.pause", "sync.resend-matching"] } } })).toBe(3);
  });
});
