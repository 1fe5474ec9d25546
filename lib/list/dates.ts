// China-time days for list filters and the toolbar's presets (今天/昨天/本周/本月/上月).
export const CHINA_TZ = "Asia/Shanghai";
const DAY_MS = 86_400_000;

/** Start of a China-time day ("2026-11-22" → 2026-11-21T16:00:00Z). */
export function shanghaiDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** The end of a China-time day, exclusive: the next day's start. */
export function shanghaiDayEnd(day: string): Date {
  return new Date(shanghaiDayStart(day).getTime() + DAY_MS);
}

/** A day-range filter on a timestamp column: from inclusive, to including its whole day. */
export function dayRange(from?: string, to?: string): { gte?: Date; lt?: Date } | undefined {
  if (!from && !to) return undefined;
  return { ...(from ? { gte: shanghaiDayStart(from) } : {}), ...(to ? { lt: shanghaiDayEnd(to) } : {}) };
}

/** Today's date in China time, "2026-11-22". */
export function chinaDay(now = new Date()): string {
  return now.toLocaleDateString("sv-SE", { timeZone: CHINA_TZ });
}

const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

export const DATE_PRESETS = ["today", "yesterday", "thisWeek", "thisMonth", "lastMonth"] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

/** from/to of a preset in China time; weeks start on Monday. */
export function presetRange(preset: DatePreset, now = new Date()): { from: string; to: string } {
  const today = chinaDay(now);
  if (preset === "today") return { from: today, to: today };
  if (preset === "yesterday") return { from: shift(today, -1), to: shift(today, -1) };
  if (preset === "thisWeek") {
    const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
    return { from: shift(today, -weekday), to: today };
  }
  const monthStart = `${today.slice(0, 8)}01`;
  if (preset === "thisMonth") return { from: monthStart, to: today };
  const lastMonthEnd = shift(monthStart, -1);
  return { from: `${lastMonthEnd.slice(0, 8)}01`, to: lastMonthEnd };
}
