// Month-card periods on a timeline: what an operator needs to see at a glance — is the card
// valid today, how long for, and did renewals leave a gap or pay twice for the same days.

const DAY_MS = 86_400_000;

export type Period = { id: number; startDate: Date | null; endDate: Date | null };
export type Annotated = Period & { gapDays: number; overlapDays: number };
export type CardStatus = "active" | "expiring" | "expired" | "unknown";

/** Whole days from a to b, both UTC-midnight calendar days. */
export const daysBetween = (a: Date, b: Date) => Math.round((b.getTime() - a.getTime()) / DAY_MS);

/** Today's calendar day in China time, as a UTC-midnight Date like the database's `date` columns. */
export function chinaToday(now = new Date()): Date {
  return new Date(`${now.toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" })}T00:00:00Z`);
}

/**
 * Sorted by start; each period compared with the furthest end so far: days left uncovered before
 * it (gap) and days it pays for that were already covered (overlap). Periods are inclusive.
 */
export function annotatePeriods(periods: Period[]): Annotated[] {
  const dated = periods
    .filter((p) => p.startDate && p.endDate)
    .sort((a, b) => a.startDate!.getTime() - b.startDate!.getTime() || a.id - b.id);
  let coveredUntil: Date | null = null;
  return dated.map((period) => {
    let gapDays = 0;
    let overlapDays = 0;
    if (coveredUntil) {
      const distance = daysBetween(coveredUntil, period.startDate!); // 1 = starts the day after
      if (distance > 1) gapDays = distance - 1;
      if (distance <= 0) overlapDays = Math.min(daysBetween(period.startDate!, coveredUntil), daysBetween(period.startDate!, period.endDate!)) + 1;
    }
    if (!coveredUntil || period.endDate! > coveredUntil) coveredUntil = period.endDate!;
    return { ...period, gapDays, overlapDays };
  });
}

export const EXPIRING_WITHIN_DAYS = 7;

export function cardStatus(periodEnd: Date | null, today = chinaToday()): { status: CardStatus; daysLeft: number | null } {
  if (!periodEnd) return { status: "unknown", daysLeft: null };
  const daysLeft = daysBetween(today, periodEnd);
  if (daysLeft < 0) return { status: "expired", daysLeft };
  return { status: daysLeft <= EXPIRING_WITHIN_DAYS ? "expiring" : "active", daysLeft };
}
