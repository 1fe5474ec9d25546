import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/lib/generated/prisma";
import { authOptions } from "@/lib/auth/options";
import { hasRole, type SessionUser } from "@/lib/auth/roles";

/**
 * The signed-in user. next-auth's jwt callback (lib/auth/options.ts) has just re-read them from
 * the database and refused a token whose session version is old, so disabling, demoting or a
 * password reset takes effect at once. Once per page render (the layout and the page both ask):
 * each ask decrypts the token and reads the user again.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  if (!user?.id || !user.name) return null;
  return { id: user.id, username: user.name, role: user.role, sessionVersion: user.sessionVersion };
});

/** For pages: no session → sign-in; too little role → 403 page. */
export async function requirePageUser(role: Role = "VIEWER"): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  if (!hasRole(user.role, role)) forbidden();
  return user;
}
