// Account mutations: admins manage users; everyone changes their own password.
import { ActionError, defineAction } from "@/lib/actions/action";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { changeOwnPasswordInput, createUserInput } from "@/lib/validations/users";

export const createUser = defineAction({
  name: "user.create",
  role: "ADMIN",
  input: createUserInput,
  async handler(input, { tx }) {
    const { count } = await tx.user.createMany({
      data: [{ username: input.username, role: input.role, passwordHash: await hashPassword(input.password) }],
      skipDuplicates: true,
    });
    if (!count) throw new ActionError("username already exists");
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
      throw new ActionError("current password is wrong");
    }
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.newPassword) } });
    return { result: null, target: user.username };
  },
});
