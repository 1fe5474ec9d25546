import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma";
import type { Db } from "@/lib/db/client";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/roles";
import { checkCredentials, throttledPasswordCheck } from "@/lib/auth/sign-in";
import { THROTTLE } from "@/lib/auth/throttle";
import { resendSyncs } from "@/lib/actions/sync";
import { changeOwnPassword } from "@/lib/actions/account";
import { createUser } from "@/lib/actions/users";
import { createTestDatabase } from "./helpers/database";

let db: Db;
const users: Record<Role, SessionUser> = {} as never;
const PASSWORD = "correct horse battery";

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  const passwordHash = await hashPassword(PASSWORD);
  for (const role of ["VIEWER", "OPERATOR", "ADMIN"] as const) {
    const user = await db.user.create({ data: { username: role.toLowerCase(), role, passwordHash } });
    users[role] = { id: user.id, username: user.username, role };
  }
});

describe("sign-in", () => {
  beforeEach(async () => {
    await db.loginThrottle.deleteMany();
  });

  it("accepts the right password and refuses a wrong one or an unknown user", async () => {
    expect(await checkCredentials(db, { username: "viewer", password: PASSWORD, ip: "10.0.0.1" })).toEqual({
      ok: true,
      user: { ...users.VIEWER, sessionVersion: 1 },
    });
    expect(await checkCredentials(db, { username: "viewer", password: "wrong password", ip: "10.0.0.1" })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await checkCredentials(db, { username: "nobody", password: PASSWORD, ip: "10.0.0.1" })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("refuses a disabled account even with the right password", async () => {
    const passwordHash = await hashPassword(PASSWORD);
    await db.user.create({ data: { username: "gone", passwordHash, disabled: true } });
    expect(await checkCredentials(db, { username: "gone", password: PASSWORD, ip: null })).toMatchObject({ ok: false });
  });

  /** A clock the throttle reads, moved by hand, and the slow-downs it asked for. */
  function clock(start = Date.now()) {
    let at = start;
    const slept: number[] = [];
    return {
      now: () => new Date(at),
      sleep: async (ms: number) => void slept.push(ms),
      advance: (ms: number) => void (at += ms),
      slept,
    };
  }

  it("a few typos from one address are free; then that address waits, longer after each failure", async () => {
    const c = clock();
    const attempt = (password: string) => checkCredentials(db, { username: "operator", password, ip: "10.0.1.1" }, c);
    for (let i = 0; i < THROTTLE.pairFreeFailures; i++) expect(await attempt("nope")).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt(PASSWORD)).toMatchObject({ ok: true }); // and the typos are forgotten
    for (let i = 0; i <= THROTTLE.pairFreeFailures; i++) expect(await attempt("nope")).toEqual({ ok: false, reason: "invalid" });
    // In the delay even the right password is refused, unchecked, from this address.
    expect(await attempt(PASSWORD)).toEqual({ ok: false, reason: "throttled" });
    c.advance(THROTTLE.pairFirstDelayMs + 1_000);
    expect(await attempt("nope")).toEqual({ ok: false, reason: "invalid" });
    c.advance(THROTTLE.pairFirstDelayMs + 1_000); // the second delay is twice as long
    expect(await attempt(PASSWORD)).toEqual({ ok: false, reason: "throttled" });
    c.advance(THROTTLE.pairFirstDelayMs);
    expect(await attempt(PASSWORD)).toMatchObject({ ok: true });
  });

  it("50 wrong passwords from one IP don't stop the right password from another IP", async () => {
    const c = clock();
    const answers = [];
    for (let i = 0; i < 50; i++) {
      answers.push((await checkCredentials(db, { username: "admin", password: `guess-${i}`, ip: "198.51.100.7" }, c)).ok);
    }
    expect(answers.every((ok) => !ok)).toBe(true);
    expect(await checkCredentials(db, { username: "admin", password: PASSWORD, ip: "198.51.100.7" }, c)).toEqual({ ok: false, reason: "throttled" });
    expect(await checkCredentials(db, { username: "admin", password: PASSWORD, ip: "203.0.113.9" }, c)).toMatchObject({ ok: true });
    // Also when each guess waited out its delay, so every one of the 50 was really checked.
    await db.loginThrottle.deleteMany();
    for (let i = 0; i < 50; i++) {
      expect(await checkCredentials(db, { username: "admin", password: `guess-${i}`, ip: "198.51.100.7" }, c)).toEqual({ ok: false, reason: "invalid" });
      c.advance(THROTTLE.pairMaxDelayMs);
    }
    expect(await checkCredentials(db, { username: "admin", password: PASSWORD, ip: "203.0.113.9" }, c)).toMatchObject({ ok: true });
  });

  it("guesses on one account from many addresses slow every attempt on it, but never refuse the right password", async () => {
    const c = clock();
    for (let i = 0; i < 50; i++) {
      expect(await checkCredentials(db, { username: "viewer", password: "nope", ip: `10.7.${i}.1` }, c)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(c.slept.length).toBe(50 - THROTTLE.accountCeiling);
    expect(Math.max(...c.slept)).toBe(THROTTLE.accountMaxSlowdownMs);
    c.slept.length = 0;
    expect(await checkCredentials(db, { username: "viewer", password: PASSWORD, ip: "10.8.0.1" }, c)).toMatchObject({ ok: true });
    expect(c.slept).toEqual([THROTTLE.accountMaxSlowdownMs]);
    // Another account is not slowed, and the slow-down ages out.
    c.slept.length = 0;
    expect(await checkCredentials(db, { username: "operator", password: PASSWORD, ip: "10.8.0.1" }, c)).toMatchObject({ ok: true });
    c.advance(THROTTLE.accountWindowMs + 1_000);
    expect(await checkCredentials(db, { username: "viewer", password: PASSWORD, ip: "10.8.0.1" }, c)).toMatchObject({ ok: true });
    expect(c.slept).toEqual([]);
  });

  it("locks an address that guesses across many accounts, for every account, from that address only", async () => {
    for (let i = 0; i < THROTTLE.maxPerIp; i++) {
      await checkCredentials(db, { username: `guess${i}`, password: "nope", ip: "10.0.2.1" });
    }
    expect(await checkCredentials(db, { username: "admin", password: PASSWORD, ip: "10.0.2.1" })).toEqual({
      ok: false,
      reason: "throttled",
    });
    expect(await checkCredentials(db, { username: "admin", password: PASSWORD, ip: "10.0.2.2" })).toMatchObject({ ok: true });
  });

  it("an IPv6 client's whole /64 is one address", async () => {
    for (let i = 0; i <= THROTTLE.pairFreeFailures; i++) {
      await checkCredentials(db, { username: "operator", password: "nope", ip: `2001:db8:0:1::${i + 1}` });
    }
    expect(await checkCredentials(db, { username: "operator", password: PASSWORD, ip: "2001:db8:0:1:ffff::99" })).toEqual({ ok: false, reason: "throttled" });
    expect(await checkCredentials(db, { username: "operator", password: PASSWORD, ip: "2001:db8:0:2::1" })).toMatchObject({ ok: true });
  });

  it("counts concurrent failures from several instances", async () => {
    await Promise.all(
      Array.from({ length: THROTTLE.pairFreeFailures + 1 }, () =>
        checkCredentials(db, { username: "viewer", password: "nope", ip: "10.0.4.1" }),
      ),
    );
    const pair = await db.loginThrottle.findUniqueOrThrow({ where: { key: "user-ip:viewer|10.0.4.1" } });
    expect(pair.failures).toBe(THROTTLE.pairFreeFailures + 1);
    expect(pair.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    const account = await db.loginThrottle.findUniqueOrThrow({ where: { key: "user:viewer" } });
    expect(account).toMatchObject({ failures: THROTTLE.pairFreeFailures + 1, lockedUntil: null });
  });
});

describe("changing one's own password", () => {
  beforeEach(async () => {
    await db.loginThrottle.deleteMany();
  });

  it("counts wrong current passwords with the sign-in throttle, though the action's transaction rolls back", async () => {
    const user = users.OPERATOR;
    const wrong = THROTTLE.accountCeiling;
    for (let i = 0; i < wrong; i++) {
      expect(await changeOwnPassword.run(user, { currentPassword: `guess-${i}-long-enough`, newPassword: "another-long-password" })).toEqual({ error: "current password is wrong" });
    }
    expect(await db.loginThrottle.findUniqueOrThrow({ where: { key: "user:operator" } })).toMatchObject({ failures: wrong });
    // The same counters: signing in to that account is now slowed (never refused), from anywhere.
    const slept: number[] = [];
    const result = await checkCredentials(db, { username: "operator", password: PASSWORD, ip: "10.0.9.1" }, { sleep: async (ms) => void slept.push(ms) });
    expect(result).toMatchObject({ ok: true });
    expect(slept).toEqual([THROTTLE.accountSlowdownStepMs]);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(await verifyPassword(row.passwordHash, PASSWORD)).toBe(true);
  });

  it("the check behind both forms refuses even the right password while this account and address wait; another address gets in", async () => {
    const keysFor = { username: "admin", ip: "10.0.9.2" };
    const right = async () => true;
    for (let i = 0; i <= THROTTLE.pairFreeFailures; i++) expect(await throttledPasswordCheck(db, keysFor, async () => false)).toBe("invalid");
    expect(await throttledPasswordCheck(db, keysFor, right)).toBe("throttled");
    expect(await throttledPasswordCheck(db, { ...keysFor, ip: "10.0.9.3" }, right)).toBe("ok");
  });
});

describe("server actions check the role on the server", () => {
  const roles = ["VIEWER", "OPERATOR", "ADMIN"] as const;

  async function failedSync(): Promise<number> {
    const renewal = await db.renewal.create({
      data: {
        idempotencyKey: `t:${Math.random()}`,
        unionId: "100000",
        parkId: "21845",
        payState: 1,
        amountFen: 100,
        sign: "X",
        dataText: "{}",
        rawBody: "{}",
        bookedAt: new Date(),
      },
    });
    const sync = await db.wechatSync.create({ data: { renewalId: renewal.id, status: "FAILED", lastCode: "PARAM_ERROR" } });
    return sync.id;
  }

  it.each(roles)("admin-only createUser as %s", async (role) => {
    const username = `made-by-${role.toLowerCase()}`;
    const auditBefore = await db.auditLog.count({ where: { action: "user.create" } });
    const result = await createUser.run(users[role], { username, password: "a-long-password", role: "VIEWER" });
    const created = await db.user.findUnique({ where: { username } });
    const auditAfter = await db.auditLog.count({ where: { action: "user.create" } });
    if (role === "ADMIN") {
      expect(result).toEqual({ data: { id: created!.id } });
      expect(auditAfter).toBe(auditBefore + 1);
    } else {
      expect(result).toEqual({ error: "forbidden" });
      expect(created).toBeNull();
      expect(auditAfter).toBe(auditBefore);
    }
  });

  it.each(roles)("operator-only resendSyncs as %s", async (role) => {
    const id = await failedSync();
    const result = await resendSyncs.run(users[role], { ids: [id] });
    const sync = await db.wechatSync.findUniqueOrThrow({ where: { id } });
    if (role === "VIEWER") {
      expect(result).toEqual({ error: "forbidden" });
      expect(sync.status).toBe("FAILED");
    } else {
      expect(result).toEqual({ data: { queued: 1, skippedSynced: 0, skippedInProgress: 0, skippedUnverified: 0 } });
      expect(sync.status).toBe("PENDING");
    }
  });

  it.each(roles)("viewer-level changeOwnPassword as %s", async (role) => {
    const user = users[role];
    const result = await changeOwnPassword.run(user, { currentPassword: PASSWORD, newPassword: "another-long-password" });
    expect(result).toEqual({ data: { sessionVersion: expect.any(Number) } });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(await verifyPassword(row.passwordHash, "another-long-password")).toBe(true);
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
  });

  it("refuses anonymous callers and bad input without writing anything", async () => {
    expect(await createUser.run(null, { username: "anon", password: "a-long-password", role: "ADMIN" })).toEqual({
      error: "unauthenticated",
    });
    expect(await createUser.run(users.ADMIN, { username: "x y", password: "short", role: "ROOT" })).toMatchObject({
      error: expect.stringMatching(/^invalid input/),
    });
    expect(await db.user.count({ where: { username: { in: ["anon", "x y"] } } })).toBe(0);
  });

  it("does not resend a sync that is not failed", async () => {
    const id = await failedSync();
    await db.wechatSync.update({ where: { id }, data: { status: "SYNCED" } });
    expect(await resendSyncs.run(users.OPERATOR, { ids: [id] })).toEqual({ data: { queued: 0, skippedSynced: 1, skippedInProgress: 0, skippedUnverified: 0 } });
    expect((await db.wechatSync.findUniqueOrThrow({ where: { id } })).status).toBe("SYNCED");
  });

  it("answers a duplicate username with a message, not an exception", async () => {
    const input = { username: "dup", password: "a-long-password", role: "VIEWER" as const };
    expect(await createUser.run(users.ADMIN, input)).toMatchObject({ data: expect.anything() });
    expect(await createUser.run(users.ADMIN, input)).toEqual({ error: "username already exists" });
  });
});
