import { describe, expect, it } from "vitest";
import { chartSpan, withPeriodSubtotals } from "@/lib/fees/report";

const row = (period: string, parkId: string, paidFen: number, mismatched = 0) => ({ period, parkId, payCompany: 0, count: 1, paidFen, arrivedFen: paidFen, feeFen: 0, mismatched });

describe("fee report", () => {
  it("closes each period of several rows with its subtotal", () => {
    const lines = withPeriodSubtotals([row("2026-11", "A", 100), row("2026-11", "B", 50, 1), row("2026-10", "A", 70)]);
    expect(lines.map((line) => [line.kind, line.period, line.parkId, line.paidFen, line.count, line.mismatched])).toEqual([
      ["row", "2026-11", "A", 100, 1, 0],
      ["row", "2026-11", "B", 50, 1, 1],
      ["subtotal", "2026-11", "", 150, 2, 1],
      ["row", "2026-10", "A", 70, 1, 0],
    ]);
  });

  it("names the chart's span with the year", () => {
    expect(chartSpan("day", "2026-10-01", "2026-11-28")).toBe("2026-10-01 – 2026-11-28");
    expect(chartSpan("month", "2025-12-01", "2026-11-28")).toBe("2025-12 – 2026-11");
  });
});
