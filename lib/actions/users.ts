"use server";
// Account mutations: admins manage users (a user's own account: account.ts). An admin cannot
// lock themself out, and the console never loses its last enabled admin. A new password, a new
// role or disabling ends the user's sessions everywhere (lib/auth/session-version.ts).
import { ActionError, defineAction } from "@/lib/actions/action";
import { hashPassword } from "@/lib/auth/password";
import { endSessions } from "@/lib/auth/session-version";
import { clearAccount } from "@/lib/auth/throttle";
import type { Tx } from "@/lib/db/client";
import {
  USER_ERRORS,
  changeUserRoleInput,
  createUserInput,
  resetUserPasswordInput,
  setUserDisabledInput,
} from "@/lib/validations/users";

export const createUser = defineAction({
  name: "user.create",
  role: "ADMIN",
  input: createUserInput,
  revalidate: ["/users"],
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

export const changeUserRole = defineAction({
  name: "user.change-role",
  role: "ADMIN",
  input: changeUserRoleInput,
  revalidate: ["/users"],
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
  revalidate: ["/users"],
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
  revalidate: ["/users"],
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
