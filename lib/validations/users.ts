import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

export const password = z.string().min(10, "at least 10 characters").max(200);
export const username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[\p{L}\p{N}._@-]+$/u, "letters, digits and . _ @ - only");

export const createUserInput = z.object({ username, password, role: z.enum(ROLES) });

export const changeOwnPasswordInput = z.object({ currentPassword: z.string().max(200), newPassword: password });
