import "server-only";
import type { Db } from "@/lib/db/client";
import { failureKind, fixLinks } from "@/lib/sync/failure-explanations";
import { failureGroups } from "@/lib/sync/failure-groups";

/** The open failure groups with what each means and where it is fixed. */
export async function listFailureGroups(db: Db) {
  const groups = await failureGroups(db);
  return groups.map((group) => {
    const kind = failureKind(group);
    return { ...group, kind, fixes: fixLinks(kind, group) };
  });
}

export type FailureGroupRow = Awaited<ReturnType<typeof listFailureGroups>>[number];
