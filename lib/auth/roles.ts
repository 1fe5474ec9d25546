import type { Role } from "@/lib/generated/prisma";

export const ROLES = ["VIEWER", "OPERATOR", "ADMIN"] as const satisfies readonly Role[];

const rank: Record<Role, number> = { VIEWER: 1, OPERATOR: 2, ADMIN: 3 };

/** viewer reads; operator also resends syncs; admin also manages users, vendors, parks, settings. */
export function hasRole(actual: Role, needed: Role): boolean {
  return rank[actual] >= rank[needed];
}

export type SessionUser = {
  id: number;
  username: string;
  role: Role;
  /** The version the caller's session token carries (lib/auth/session-version.ts); absent for callers that are no browser session (scripts, tests). */
  sessionVersion?: number;
};
