// A user changes their own password. Not a server action (no page offers it yet): exposed to the
// browser it would let any session guess the current password without the sign-in throttle.
import { ActionError, defineAction } from "@/lib/actions/action";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { USER_ERRORS, changeOwnPasswordInput } from "@/lib/validations/users";

export const changeOwnPassword = defineAction({
  name: "user.change-own-password",
  role: "VIEWER",
  input: changeOwnPasswordInput,
  revalidate: ["/users"],
  async handler(input, { user, tx }) {
    const row = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
      throw new ActionError(USER_ERRORS.wrongPassword);
    }
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.newPassword) } });
    return { result: null, target: user.username };
  },
});
