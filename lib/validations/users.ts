import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { defineListParams, param } from "@/lib/list/params";

export const password = z.string().min(10, "at least 10 characters").max(200);
export const username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[\p{L}\p{N}._@-]+$/u, "letters, digits and . _ @ - only");

const userId = z.number().int().positive();

export const createUserInput = z.object({ username, password, role: z.enum(ROLES) });

export const changeOwnPasswordInput = z.object({ currentPassword: z.string().max(200), newPassword: password });
export const signOutEverywhereInput = z.object({});

export const changeUserRoleInput = z.object({ userId, role: z.enum(ROLES) });

export const setUserDisabledInput = z.object({ userId, disabled: z.boolean() });

export const resetUserPasswordInput = z.object({ userId, password });

/** Refusals the user actions answer; shared with the UI, which shows them in the user's language. */
export const USER_ERRORS = {
  duplicate: "username already exists",
  notFound: "user not found",
  selfDisable: "you cannot disable your own account",
  selfDemote: "you cannot change your own role",
  lastAdmin: "the last enabled admin cannot be disabled or demoted",
  wrongPassword: "current password is wrong",
  throttled: "too many wrong passwords from here, try again later",
} as const;

export const USER_STATUSES = ["enabled", "disabled"] as const;

/** The users list's URL state (a handful of accounts: one page, capped). */
export const usersParams = defineListParams({
  filters: { q: param.text(), role: param.oneOf(ROLES), status: param.oneOf(USER_STATUSES) },
  sorts: { username: "text" },
  defaultSort: "username",
  defaultDir: "asc",
});

export type UsersQuery = ReturnType<typeof usersParams.parse>["query"];
