import "server-only";
import { cache } from "react";
import { getDb, sqlOf } from "@/lib/db/client";
import { PAUSED_SETTING } from "@/lib/sync/settings";

/**
 * Whether syncing is paused and since when, read once per page render: the header badge, the
 * banner and the sync page all show it. Plain SQL on the pool (no query compiler).
 */
export const syncPauseState = cache(async (): Promise<{ paused: boolean; since: Date | null }> => {
  const { rows } = await sqlOf(getDb()).query<{ value: unknown; updated_at: Date }>("SELECT value, updated_at FROM settings WHERE key = $1", [PAUSED_SETTING]);
  const paused = rows[0]?.value === true;
  return { paused, since: paused ? rows[0].updated_at : null };
});
