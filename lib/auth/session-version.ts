// Every session token carries its user's session version. Changing the password, the role,
// disabling the account or "sign out everywhere" bumps it, and every token issued before is dead.
import type { Role } from "@/lib/generated/prisma";
import { sqlOf, type Db, type Tx } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/roles";

/** Thrown from next-auth's jwt callback: next-auth then answers no session and clears the cookie. */
export class SessionEnded extends Error {
  override name = "SessionEnded";
}

export type SessionClaims = Record<string, unknown> & { uid?: unknown; sv?: unknown };

/**
 * The token's user as the database has them now, or null when that session has ended (older
 * version, disabled, deleted). Plain SQL: it runs on every request.
 */
export async function currentSessionUser(db: Db, claims: SessionClaims): Promise<Required<SessionUser> | null> {
  if (typeof claims.uid !== "number" || typeof claims.sv !== "number") return null;
  const { rows } = await sqlOf(db).query<{ id: number; username: string; role: Role; disabled: boolean; session_version: number }>(
    "SELECT id, username, role, disabled, session_version FROM users WHERE id = $1",
    [claims.uid],
  );
  const row = rows[0];
  if (!row || row.disabled || row.session_version !== claims.sv) return null;
  return { id: row.id, username: row.username, role: row.role, sessionVersion: row.session_version };
}

/** Ends every session of this user; answers the new version (for re-issuing the caller's own). */
export async function endSessions(tx: Tx, userId: number): Promise<number> {
  const { sessionVersion } = await tx.user.update({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return sessionVersion;
}
