// The credentials check behind the sign-in form: throttled (lib/auth/throttle.ts), timing-safe,
// disabled accounts refused.
import type { Db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/roles";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { clearPair, recordFailure, throttleKeys, throttleState } from "@/lib/auth/throttle";

export type SignInResult = { ok: true; user: Required<SessionUser> } | { ok: false; reason: "invalid" | "throttled" };

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function checkCredentials(
  db: Db,
  input: { username: string; password: string; ip: string | null },
  clock: { now?: () => Date; sleep?: (ms: number) => Promise<void> } = {},
): Promise<SignInResult> {
  const now = clock.now ?? (() => new Date());
  const username = input.username.trim();
  const keys = throttleKeys(username, input.ip);
  const state = await throttleState(db, keys, now());
  if (state.blockedUntil) return { ok: false, reason: "throttled" };
  // An account under attack from many addresses is slowed for everyone, never refused.
  if (state.slowdownMs) await (clock.sleep ?? pause)(state.slowdownMs);

  const user = await db.user.findUnique({
    where: { username },
    select: { id: true, username: true, role: true, disabled: true, passwordHash: true, sessionVersion: true },
  });
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : (await burnPasswordCheck(input.password), false);
  if (!user || !valid || user.disabled) {
    await recordFailure(db, keys, now());
    return { ok: false, reason: "invalid" };
  }
  await clearPair(db, keys);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now() } });
  return { ok: true, user: { id: user.id, username: user.username, role: user.role, sessionVersion: user.sessionVersion } };
}
