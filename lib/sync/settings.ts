/** Settings row that holds the pause switch: while true, workers claim nothing. */
export const PAUSED_SETTING = "sync.paused";

/** Whether an admin has paused syncing (the header says so on every page). */
export async function isSyncPaused(db: { setting: { findUnique(args: { where: { key: string } }): Promise<{ value: unknown } | null> } }): Promise<boolean> {
  return (await db.setting.findUnique({ where: { key: PAUSED_SETTING } }))?.value === true;
}
