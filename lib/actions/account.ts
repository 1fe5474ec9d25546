"use server";
// The signed-in user's own account: a new password (their other sessions end, this one is
// re-issued and stays) and "sign out everywhere".
import { headers } from "next/headers";
import { ActionError, defineAction } from "@/lib/actions/action";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { throttledPasswordCheck } from "@/lib/auth/sign-in";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { reissueSessionCookie } from "@/lib/auth/session-cookie";
import { endSessions } from "@/lib/auth/session-version";
import { USER_ERRORS, changeOwnPasswordInput, signOutEverywhereInput } from "@/lib/validations/users";

export const changeOwnPassword = defineAction({
  name: "user.change-own-password",
  role: "VIEWER",
  input: changeOwnPasswordInput,
  revalidate: ["/account"],
  // Other sessions end; this browser's cookie is re-issued with the new version, so it stays.
  async after({ sessionVersion }: { sessionVersion: number }) {
    await reissueSessionCookie(sessionVersion);
    return null;
  },
  async handler(input, { user, tx }) {
    const row = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    // The current-password field answers "is this the password?" as the sign-in form does (a
    // stolen session could guess with it), so it shares the sign-in throttle and its counters.
    const outcome = await throttledPasswordCheck(getDb(), { username: user.username, ip: await requestIp() }, () => verifyPassword(row.passwordHash, input.currentPassword));
    if (outcome === "throttled") throw new ActionError(USER_ERRORS.throttled);
    if (outcome === "invalid") throw new ActionError(USER_ERRORS.wrongPassword);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.newPassword) } });
    // Other sessions end; the caller's own is re-issued with this version (app/(dashboard)/account).
    return { result: { sessionVersion: await endSessions(tx, user.id) }, target: user.username };
  },
});

export const signOutEverywhere = defineAction({
  name: "user.sign-out-everywhere",
  role: "VIEWER",
  input: signOutEverywhereInput,
  revalidate: ["/account"],
  async handler(_, { user, tx }) {
    await endSessions(tx, user.id);
    return { result: null, target: user.username };
  },
});

/** The caller's address, as sign-in reads it; none when run outside a request (scripts, tests). */
async function requestIp(): Promise<string | null> {
  try {
    return clientIp(await headers(), env().TRUSTED_PROXY_COUNT);
  } catch {
    return null;
  }
}
