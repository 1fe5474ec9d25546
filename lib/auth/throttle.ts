// Failed sign-ins, counted per account and per client IP in the database so every instance agrees.
import type { Db } from "@/lib/db/client";

export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxPerAccount: 5,
  maxPerIp: 20,
};

export const throttleKeys = (username: string, ip: string | null) => ({
  account: `user:${username.toLowerCase()}`,
  ip: ip ? `ip:${ip}` : null,
});

/** The time the earliest lock on these keys lifts, or null when sign-in may be tried. */
export async function lockedUntil(db: Db, keys: (string | null)[], now = new Date()): Promise<Date | null> {
  const rows = await db.loginThrottle.findMany({
    where: { key: { in: keys.filter((k): k is string => !!k) }, lockedUntil: { gt: now } },
  });
  if (!rows.length) return null;
  return new Date(Math.max(...rows.map((row) => row.lockedUntil!.getTime())));
}

export async function recordFailure(db: Db, username: string, ip: string | null, now = new Date()): Promise<void> {
  const keys = throttleKeys(username, ip);
  await bump(db, keys.account, THROTTLE.maxPerAccount, now);
  if (keys.ip) await bump(db, keys.ip, THROTTLE.maxPerIp, now);
}

export async function clearFailures(db: Db, username: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: throttleKeys(username, null).account } });
}

async function bump(db: Db, key: string, max: number, now: Date) {
  const windowStart = new Date(now.getTime() - THROTTLE.windowMs);
  const lockUntil = new Date(now.getTime() + THROTTLE.lockMs);
  // One statement, so concurrent failures from several instances all count.
  await db.$executeRaw`
    INSERT INTO login_throttles (key, failures, window_start, locked_until)
    VALUES (${key}, 1, ${now}, CASE WHEN 1 >= ${max} THEN ${lockUntil}::timestamptz END)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN login_throttles.window_start < ${windowStart} THEN 1 ELSE login_throttles.failures + 1 END,
      window_start = CASE WHEN login_throttles.window_start < ${windowStart} THEN ${now} ELSE login_throttles.window_start END,
      locked_until = CASE
        WHEN (CASE WHEN login_throttles.window_start < ${windowStart} THEN 1 ELSE login_throttles.failures + 1 END) >= ${max}
        THEN ${lockUntil}::timestamptz ELSE login_throttles.locked_until END`;
}
