import { NextResponse } from "next/server";
import type { Role } from "@/lib/generated/prisma";
import { hasRole, type SessionUser } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";

/** Dashboard API routes answer JSON 401/403, never a sign-in page. */
export async function requireApiUser(role: Role): Promise<SessionUser | NextResponse> {
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: "unauthenticated" }, { status: 401 });
  if (!hasRole(user.role, role)) return NextResponse.json({ error: "forbidden" }, { status: 403 });
  return user;
}
