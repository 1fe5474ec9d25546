// The credentials check behind the sign-in form: throttled, timing-safe, disabled accounts refused.
import type { Db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/roles";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { clearFailures, lockedUntil, recordFailure, throttleKeys } from "@/lib/auth/throttle";

export type SignInResult = { ok: true; user: SessionUser } | { ok: false; reason: "invalid" | "throttled" };

export async function checkCredentials(
  db: Db,
  input: { username: string; password: string; ip: string | null },
): Promise<SignInResult> {
  const username = input.username.trim();
  const keys = throttleKeys(username, input.ip);
  if (await lockedUntil(db, [keys.account, keys.ip])) return { ok: false, reason: "throttled" };

  const user = await db.user.findUnique({
    where: { username },
    select: { id: true, username: true, role: true, disabled: true, passwordHash: true },
  });
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : (await burnPasswordCheck(input.password), false);
  if (!user || !valid || user.disabled) {
    await recordFailure(db, username, input.ip);
    return { ok: false, reason: "invalid" };
  }
  await clearFailures(db, username);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { ok: true, user: { id: user.id, username: user.username, role: user.role } };
}
