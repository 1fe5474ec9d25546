"use server";
// The signed-in user's own account: a new password (their other sessions end, this one is
// re-issued and stays) and "sign out everywhere".
import { ActionError, defineAction } from "@/lib/actions/action";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
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
    if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
      throw new ActionError(USER_ERRORS.wrongPassword);
    }
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
