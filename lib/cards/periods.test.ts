import { describe, expect, it } from "vitest";
import { annotatePeriods, cardStatus, chinaToday } from "@/lib/cards/periods";

const d = (day: string) => new Date(`${day}T00:00:00Z`);
const p = (id: number, start: string, end: string) => ({ id, startDate: d(start), endDate: d(end) });

describe("annotatePeriods", () => {
  it("sees back-to-back months as neither gap nor overlap", () => {
    expect(annotatePeriods([p(2, "2026-11-01", "2026-11-30"), p(1, "2026-10-01", "2026-10-31")]).map((x) => [x.id, x.gapDays, x.overlapDays])).toEqual([
      [1, 0, 0],
      [2, 0, 0],
    ]);
  });

  it("counts the uncovered days of a gap", () => {
    const [, second] = annotatePeriods([p(1, "2026-10-01", "2026-10-31"), p(2, "2026-11-06", "2026-12-05")]);
    expect(second).toMatchObject({ gapDays: 5, overlapDays: 0 });
  });

  it("counts days paid twice, also for a period inside an earlier one and against the furthest end so far", () => {
    const out = annotatePeriods([p(1, "2026-10-01", "2026-12-31"), p(2, "2026-12-20", "2027-01-19"), p(3, "2026-11-01", "2026-11-30")]);
    expect(out.map((x) => [x.id, x.overlapDays])).toEqual([
      [1, 0],
      [3, 30], // wholly inside period 1
      [2, 12], // 12-20 .. 12-31 already covered
    ]);
  });

  it("treats a same-day duplicate as a full overlap and skips undated periods", () => {
    const out = annotatePeriods([p(1, "2026-10-01", "2026-10-31"), p(2, "2026-10-01", "2026-10-31"), { id: 3, startDate: null, endDate: null }]);
    expect(out.map((x) => [x.id, x.overlapDays])).toEqual([
      [1, 0],
      [2, 31],
    ]);
  });
});

describe("cardStatus", () => {
  const today = d("2026-11-22");
  it.each([
    ["2026-12-31", "active", 39],
    ["2026-11-29", "expiring", 7],
    ["2026-11-22", "expiring", 0],
    ["2026-11-21", "expired", -1],
  ])("ends %s → %s (%i days left)", (end, status, daysLeft) => {
    expect(cardStatus(d(end), today)).toEqual({ status, daysLeft });
  });

  it("knows nothing without an end date, and takes today in China time", () => {
    expect(cardStatus(null, today)).toEqual({ status: "unknown", daysLeft: null });
    expect(chinaToday(new Date("2026-11-22T17:00:00Z")).toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });
});
