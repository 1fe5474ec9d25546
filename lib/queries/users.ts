import "server-only";
import type { Db } from "@/lib/db/client";

/** Every console account (a handful; capped all the same), by username. */
export function listUsers(db: Db) {
  return db.user.findMany({
    orderBy: { username: "asc" },
    take: 1000,
    select: { id: true, username: true, role: true, disabled: true, lastLoginAt: true, createdAt: true },
  });
}

export type UserRow = Awaited<ReturnType<typeof listUsers>>[number];
