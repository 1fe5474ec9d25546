// Failed sign-ins, counted in the database so every instance agrees. Three counters, so nobody
// can lock an account out from one place:
// - per (account, client address): a few typos are free, then growing delays; blocks only that pair;
// - per client address, any account: a lock for an address guessing across accounts;
// - per account, any address: a ceiling that slows every attempt on the account but refuses none,
//   so the right password from another address always gets in.
import type { Db, Tx } from "@/lib/db/client";

export const THROTTLE = {
  /** Failures per (account, address) before delays start. */
  pairFreeFailures: 4,
  /** The delay after the first failure past the free ones; it doubles with each further one. */
  pairFirstDelayMs: 60_000,
  pairMaxDelayMs: 30 * 60_000,
  /** A pair's count starts again after this long without a failure. */
  pairForgetMs: 60 * 60_000,
  ipWindowMs: 15 * 60_000,
  maxPerIp: 20,
  ipLockMs: 15 * 60_000,
  accountWindowMs: 15 * 60_000,
  /** Failures on an account (from anywhere) before every attempt on it is slowed. */
  accountCeiling: 10,
  accountSlowdownStepMs: 500,
  accountMaxSlowdownMs: 5_000,
};

export type ThrottleKeys = { pair: string | null; ip: string | null; account: string };

/** IPv6 clients usually hold a whole /64, so that is one "address" here. */
export function addressKey(ip: string): string {
  if (!ip.includes(":")) return ip;
  const [head, tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = ip.includes("::") && tail ? tail.split(":") : [];
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

export function throttleKeys(username: string, ip: string | null): ThrottleKeys {
  const account = username.trim().toLowerCase();
  const address = ip ? addressKey(ip) : null;
  return { account: `user:${account}`, pair: address ? `user-ip:${account}|${address}` : null, ip: address ? `ip:${address}` : null };
}

export type ThrottleState = { blockedUntil: Date | null; slowdownMs: number };

/** Whether this attempt is refused (its pair or address is in a delay) and how much to slow it. */
export async function throttleState(db: Db, keys: ThrottleKeys, now = new Date()): Promise<ThrottleState> {
  const rows = await db.loginThrottle.findMany({
    where: { key: { in: [keys.account, keys.pair, keys.ip].filter((key): key is string => !!key) } },
  });
  const locks = rows
    .filter((row) => row.key !== keys.account && row.lockedUntil && row.lockedUntil > now)
    .map((row) => row.lockedUntil!.getTime());
  const account = rows.find((row) => row.key === keys.account);
  const recent = account && account.windowStart.getTime() > now.getTime() - THROTTLE.accountWindowMs ? account.failures : 0;
  const over = recent - THROTTLE.accountCeiling + 1;
  return {
    blockedUntil: locks.length ? new Date(Math.max(...locks)) : null,
    slowdownMs: over > 0 ? Math.min(THROTTLE.accountMaxSlowdownMs, over * THROTTLE.accountSlowdownStepMs) : 0,
  };
}

/** One statement per counter, so concurrent failures on several instances all count. */
export async function recordFailure(db: Db, keys: ThrottleKeys, now = new Date()): Promise<void> {
  await bumpWindow(db, keys.account, THROTTLE.accountWindowMs, null, now);
  if (keys.ip) await bumpWindow(db, keys.ip, THROTTLE.ipWindowMs, { max: THROTTLE.maxPerIp, lockMs: THROTTLE.ipLockMs }, now);
  if (keys.pair) await bumpPair(db, keys.pair, now);
  if (Math.random() < 0.01) await pruneOld(db, now);
}

/** A successful sign-in forgets that pair's typos; the account's count only ages out. */
export async function clearPair(db: Db, keys: ThrottleKeys): Promise<void> {
  if (keys.pair) await db.loginThrottle.deleteMany({ where: { key: keys.pair } });
}

/** After a password reset every delay on the account goes: the new password works at once. */
export async function clearAccount(tx: Tx, username: string): Promise<void> {
  const { account } = throttleKeys(username, null);
  const name = account.slice("user:".length);
  await tx.loginThrottle.deleteMany({ where: { OR: [{ key: account }, { key: { startsWith: `user-ip:${name}|` } }] } });
}

// Plain SQL text with positional values, not nested Prisma.sql fragments: in the production
// bundle a server action's fragment is not the Sql class of the (shared) client and reaches
// PostgreSQL as a bind value (see eslint.config.mjs). Only constant text is composed here.
async function bumpWindow(db: Db, key: string, windowMs: number, lock: { max: number; lockMs: number } | null, now: Date) {
  const windowStart = new Date(now.getTime() - windowMs);
  const lockUntil = lock ? new Date(now.getTime() + lock.lockMs) : null;
  const max = lock?.max ?? 2_147_483_647;
  const failures = "(CASE WHEN t.window_start < $3::timestamptz THEN 1 ELSE t.failures + 1 END)";
  await db.$executeRawUnsafe(
    `INSERT INTO login_throttles AS t (key, failures, window_start, locked_until)
     VALUES ($1, 1, $2::timestamptz, CASE WHEN 1 >= $4::int THEN $5::timestamptz END)
     ON CONFLICT (key) DO UPDATE SET
       failures = ${failures},
       window_start = CASE WHEN t.window_start < $3::timestamptz THEN $2::timestamptz ELSE t.window_start END,
       locked_until = CASE WHEN ${failures} >= $4::int THEN $5::timestamptz ELSE t.locked_until END`,
    key,
    now,
    windowStart,
    max,
    lockUntil,
  );
}

/** For a pair, window_start is its last failure: the count is forgotten after pairForgetMs of quiet. */
async function bumpPair(db: Db, key: string, now: Date) {
  const forgetBefore = new Date(now.getTime() - THROTTLE.pairForgetMs);
  const failures = "(CASE WHEN t.window_start < $3::timestamptz THEN 1 ELSE t.failures + 1 END)";
  const delay = (n: string) => `
    CASE WHEN ${n} > $4::int
      THEN $2::timestamptz + LEAST($5::float8, $6::float8 * power(2, LEAST(${n} - $4::int - 1, 30))) * interval '1 millisecond'
    END`;
  await db.$executeRawUnsafe(
    `INSERT INTO login_throttles AS t (key, failures, window_start, locked_until)
     VALUES ($1, 1, $2::timestamptz, ${delay("1")})
     ON CONFLICT (key) DO UPDATE SET
       failures = ${failures},
       window_start = $2::timestamptz,
       locked_until = ${delay(failures)}`,
    key,
    now,
    forgetBefore,
    THROTTLE.pairFreeFailures,
    THROTTLE.pairMaxDelayMs,
    THROTTLE.pairFirstDelayMs,
  );
}

async function pruneOld(db: Db, now: Date) {
  const before = new Date(now.getTime() - 24 * 60 * 60_000);
  await db.$executeRaw`DELETE FROM login_throttles WHERE window_start < ${before} AND (locked_until IS NULL OR locked_until < ${now})`;
}
