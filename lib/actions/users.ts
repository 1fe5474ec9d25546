// Account mutations: admins manage users; everyone changes their own password. An admin cannot
// lock themself out, and the console never loses its last enabled admin. A new password, a new
// role or disabling ends the user's sessions everywhere (lib/auth/session-version.ts).
import { ActionError, defineAction } from "@/lib/actions/action";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endSessions } from "@/lib/auth/session-version";
import { clearAccount } from "@/lib/auth/throttle";
import type { Tx } from "@/lib/db/client";
import {
  USER_ERRORS,
  changeOwnPasswordInput,
  changeUserRoleInput,
  createUserInput,
  resetUserPasswordInput,
  setUserDisabledInput,
  signOutEverywhereInput,
} from "@/lib/validations/users";

export const createUser = defineAction({
  name: "user.create",
  role: "ADMIN",
  input: createUserInput,
  async handler(input, { tx }) {
    const { count } = await tx.user.createMany({
      data: [{ username: input.username, role: input.role, passwordHash: await hashPassword(input.password) }],
      skipDuplicates: true,
    });
    if (!count) throw new ActionError(USER_ERRORS.duplicate);
    const user = await tx.user.findUniqueOrThrow({ where: { username: input.username }, select: { id: true } });
    return { result: user, target: input.username, details: { role: input.role } };
  },
});

export const changeOwnPassword = defineAction({
  name: "user.change-own-password",
  role: "VIEWER",
  input: changeOwnPasswordInput,
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
  async handler(_, { user, tx }) {
    await endSessions(tx, user.id);
    return { result: null, target: user.username };
  },
});

export const changeUserRole = defineAction({
  name: "user.change-role",
  role: "ADMIN",
  input: changeUserRoleInput,
  async handler(input, { user, tx }) {
    const admins = await lockEnabledAdmins(tx);
    const target = await findUserOrThrow(tx, input.userId);
    if (target.role === input.role) return { result: null, target: target.username, details: { from: target.role, to: input.role } };
    if (target.id === user.id) throw new ActionError(USER_ERRORS.selfDemote);
    if (target.role === "ADMIN" && !target.disabled) refuseLastAdmin(admins, target.id);
    await tx.user.update({ where: { id: target.id }, data: { role: input.role } });
    await endSessions(tx, target.id);
    return { result: null, target: target.username, details: { from: target.role, to: input.role } };
  },
});

export const setUserDisabled = defineAction({
  name: "user.set-disabled",
  role: "ADMIN",
  input: setUserDisabledInput,
  async handler(input, { user, tx }) {
    const admins = await lockEnabledAdmins(tx);
    const target = await findUserOrThrow(tx, input.userId);
    if (input.disabled && target.id === user.id) throw new ActionError(USER_ERRORS.selfDisable);
    if (input.disabled && target.role === "ADMIN" && !target.disabled) refuseLastAdmin(admins, target.id);
    await tx.user.update({ where: { id: target.id }, data: { disabled: input.disabled } });
    if (input.disabled) await endSessions(tx, target.id);
    return { result: null, target: target.username, details: { disabled: input.disabled } };
  },
});

export const resetUserPassword = defineAction({
  name: "user.reset-password",
  role: "ADMIN",
  input: resetUserPasswordInput,
  async handler(input, { tx }) {
    const target = await findUserOrThrow(tx, input.userId);
    await tx.user.update({ where: { id: target.id }, data: { passwordHash: await hashPassword(input.password) } });
    await endSessions(tx, target.id);
    // A user locked out by failed sign-ins can use the new password at once.
    await clearAccount(tx, target.username);
    return { result: null, target: target.username };
  },
});

/**
 * Locks the enabled admins' rows for the rest of the transaction, so two admins demoting or
 * disabling each other at the same moment cannot both succeed and leave none.
 */
async function lockEnabledAdmins(tx: Tx): Promise<number[]> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM users WHERE role = 'ADMIN' AND NOT disabled ORDER BY id FOR UPDATE`;
  return rows.map((row) => row.id);
}

function refuseLastAdmin(enabledAdmins: number[], losing: number) {
  if (!enabledAdmins.some((id) => id !== losing)) throw new ActionError(USER_ERRORS.lastAdmin);
}

async function findUserOrThrow(tx: Tx, id: number) {
  const user = await tx.user.findUnique({ where: { id }, select: { id: true, username: true, role: true, disabled: true } });
  if (!user) throw new ActionError(USER_ERRORS.notFound);
  return user;
}
