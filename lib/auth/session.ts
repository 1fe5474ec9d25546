import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import type { Role } from "@/lib/generated/prisma";
import { getDb } from "@/lib/db/client";
import { authOptions } from "@/lib/auth/options";
import { hasRole, type SessionUser } from "@/lib/auth/roles";

/** The signed-in user, re-read from the database so disabling or demoting takes effect at once. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getDb().user.findUnique({
    where: { id },
    select: { id: true, username: true, role: true, disabled: true },
  });
  if (!user || user.disabled) return null;
  return { id: user.id, username: user.username, role: user.role };
}

/** For pages: no session → sign-in; too little role → 403 page. */
export async function requirePageUser(role: Role = "VIEWER"): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  if (!hasRole(user.role, role)) forbidden();
  return user;
}
