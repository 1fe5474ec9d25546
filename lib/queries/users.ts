import "server-only";
import type { Db } from "@/lib/db/client";
import { usersWhere } from "@/lib/queries/admin-filters";
import type { UsersQuery } from "@/lib/validations/users";

/** The console accounts matching the filters (a handful; capped all the same), by username. */
export function listUsers(db: Db, query: UsersQuery) {
  return db.user.findMany({
    where: usersWhere(query),
    orderBy: [{ username: query.dir }],
    take: 1000,
    select: { id: true, username: true, role: true, disabled: true, lastLoginAt: true, createdAt: true },
  });
}

export type UserRow = Awaited<ReturnType<typeof listUsers>>[number];
