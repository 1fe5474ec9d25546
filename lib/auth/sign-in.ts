// The credentials check behind the sign-in form: throttled (lib/auth/throttle.ts), timing-safe,
// disabled accounts refused.
import type { Db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/roles";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { clearPair, recordFailure, throttleKeys, throttleState } from "@/lib/auth/throttle";

export type SignInResult = { ok: true; user: Required<SessionUser> } | { ok: false; reason: "invalid" | "throttled" };

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Clock = { now?: () => Date; sleep?: (ms: number) => Promise<void> };

/**
 * A password check behind the sign-in throttle: refused while this account and address (or the
 * address) are in a delay, slowed when the account is over its ceiling, each failure counted
 * (on `db`, outside any caller's transaction, so a rolled-back action still counts), a success
 * forgets this address's typos. Any form that takes a password goes through here.
 */
export async function throttledPasswordCheck(
  db: Db,
  who: { username: string; ip: string | null },
  check: () => Promise<boolean>,
  clock: Clock = {},
): Promise<"ok" | "invalid" | "throttled"> {
  const now = clock.now ?? (() => new Date());
  const keys = throttleKeys(who.username, who.ip);
  const state = await throttleState(db, keys, now());
  if (state.blockedUntil) return "throttled";
  // An account under attack from many addresses is slowed for everyone, never refused.
  if (state.slowdownMs) await (clock.sleep ?? pause)(state.slowdownMs);
  if (!(await check())) {
    await recordFailure(db, keys, now());
    return "invalid";
  }
  await clearPair(db, keys);
  return "ok";
}

export async function checkCredentials(db: Db, input: { username: string; password: string; ip: string | null }, clock: Clock = {}): Promise<SignInResult> {
  const username = input.username.trim();
  const user = await db.user.findUnique({
    where: { username },
    select: { id: true, username: true, role: true, disabled: true, passwordHash: true, sessionVersion: true },
  });
  const outcome = await throttledPasswordCheck(
    db,
    { username, ip: input.ip },
    async () => (user ? (await verifyPassword(user.passwordHash, input.password)) && !user.disabled : (await burnPasswordCheck(input.password), false)),
    clock,
  );
  if (outcome !== "ok" || !user) return { ok: false, reason: outcome === "throttled" ? "throttled" : "invalid" };
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: (clock.now ?? (() => new Date()))() } });
  return { ok: true, user: { id: user.id, username: user.username, role: user.role, sessionVersion: user.sessionVersion } };
}
