import { describe, expect, it } from "vitest";
import { chartSpan, mismatchHref, periodDays, withPeriodSubtotals } from "@/lib/fees/report";

const row = (period: string, parkId: string, paidFen: number, mismatched = 0) => ({ period, parkId, payCompany: 0, count: 1, paidFen, arrivedFen: paidFen, feeFen: 0, mismatched });
const period = (name: string, groups: number, paidFen: number, mismatched = 0) => ({ period: name, groups, count: groups, paidFen, arrivedFen: paidFen, feeFen: 0, mismatched });

describe("fee report", () => {
  it("closes each period of several rows with its whole-period subtotal", () => {
    const lines = withPeriodSubtotals([row("2026-11", "A", 100), row("2026-11", "B", 50, 1), row("2026-10", "A", 70)], [period("2026-11", 2, 150, 1), period("2026-10", 1, 70)]);
    expect(lines.map((line) => [line.kind, line.period, line.paidFen, line.count, line.mismatched])).toEqual([
      ["row", "2026-11", 100, 1, 0],
      ["row", "2026-11", 50, 1, 1],
      ["subtotal", "2026-11", 150, 2, 1],
      ["row", "2026-10", 70, 1, 0],
    ]);
  });

  it("closes a period split across pages on the page with its last row, with the whole period's sums", () => {
    const periods = [period("2026-11", 3, 300), period("2026-10", 4, 999)];
    const first = withPeriodSubtotals([row("2026-11", "A", 100), row("2026-11", "B", 100), row("2026-11", "C", 100), row("2026-10", "A", 70)], periods, row("2026-10", "B", 1));
    expect(first.map((line) => `${line.kind} ${line.period} ${line.paidFen}`)).toEqual([
      "row 2026-11 100",
      "row 2026-11 100",
      "row 2026-11 100",
      "subtotal 2026-11 300",
      "row 2026-10 70",
    ]);
    const last = withPeriodSubtotals([row("2026-10", "D", 1)], periods, null);
    expect(last.map((line) => `${line.kind} ${line.period} ${line.paidFen}`)).toEqual(["row 2026-10 1", "subtotal 2026-10 999"]);
  });

  it("names the chart's span with the year", () => {
    expect(chartSpan("day", "2026-10-01", "2026-11-28")).toBe("2026-10-01 – 2026-11-28");
    expect(chartSpan("month", "2025-12-01", "2026-11-28")).toBe("2025-12 – 2026-11");
  });

  it("links a mismatch to the renewals of its days, park and channel, cut to the report's range", () => {
    const query = { from: "2026-10-15", to: "2026-12-10", park: undefined };
    expect(periodDays("2026-10", query)).toEqual({ from: "2026-10-15", to: "2026-10-31" });
    expect(periodDays("2026-11", query)).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(periodDays("2026-12", query)).toEqual({ from: "2026-12-01", to: "2026-12-10" });
    expect(periodDays("2024-02", { from: "2024-01-01", to: "2024-12-31" })).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(mismatchHref(query, { period: "2026-11", parkId: "P 1&x", payCompany: 1 })).toBe("/renewals?from=2026-11-01&to=2026-11-30&park=P+1%26x&channel=1&mismatch=1");
    expect(mismatchHref(query, { period: "2026-11-02", parkId: "A", payCompany: null })).toBe("/renewals?from=2026-11-02&to=2026-11-02&park=A&channel=none&mismatch=1");
    expect(mismatchHref(query, { period: "2026-11" })).toBe("/renewals?from=2026-11-01&to=2026-11-30&mismatch=1");
    expect(mismatchHref({ ...query, park: "B" }, {})).toBe("/renewals?from=2026-10-15&to=2026-12-10&park=B&mismatch=1");
  });
});
