import { describe, expect, it } from "vitest";
import { renewalsOrder, renewalsWhere, shanghaiDayStart } from "@/lib/queries/renewals-filter";
import { listRenewalsQuery } from "@/lib/validations/renewals";

describe("renewals filters → where", () => {
  it("reads China-time days: from is inclusive, to includes its whole day", () => {
    expect(shanghaiDayStart("2026-11-22").toISOString()).toBe("2026-11-21T16:00:00.000Z");
    expect(renewalsWhere(listRenewalsQuery.parse({ from: "2026-11-01", to: "2026-11-30" }))).toEqual({
      AND: [
        { bookedAt: { gte: new Date("2026-10-31T16:00:00.000Z") } },
        { bookedAt: { lt: new Date("2026-11-30T16:00:00.000Z") } },
      ],
    });
  });

  it("searches plate, card, trade_no and out_trade_no exactly, each on its own index", () => {
    expect(renewalsWhere(listRenewalsQuery.parse({ q: " 京A47829 " }))).toEqual({
      AND: [{ OR: [{ carNumber: "京A47829" }, { cardId: "京A47829" }, { tradeNo: "京A47829" }, { outTradeNo: "京A47829" }] }],
    });
  });

  it("maps channel, payment state, sync state and conflicts", () => {
    expect(renewalsWhere(listRenewalsQuery.parse({ channel: "1", payState: "0", sync: "FAILED", conflict: "1", park: "21845" }))).toEqual({
      AND: [{ parkId: "21845" }, { payCompany: 1 }, { payState: 0 }, { sync: { is: { status: "FAILED" } } }, { hasConflict: true }],
    });
    expect(renewalsWhere(listRenewalsQuery.parse({ sync: "NONE" }))).toEqual({ AND: [{ sync: { is: null } }] });
  });

  it("ignores bad or empty parameters instead of failing the page", () => {
    expect(listRenewalsQuery.parse({ from: "yesterday", channel: "9", sync: "DROP TABLE", perPage: "100000", after: "x", park: "" })).toEqual({
      dir: "desc",
      perPage: 50,
    });
    expect(renewalsWhere(listRenewalsQuery.parse({}))).toEqual({});
  });

  it("pages by keyset on (booked_at, id) in both directions", () => {
    const at = new Date("2026-11-20T02:00:00.000Z");
    const next = listRenewalsQuery.parse({ after: "2026-11-20T02:00:00.000Z~42" });
    expect(renewalsWhere(next)).toEqual({
      AND: [{ bookedAt: { lte: at } }, { OR: [{ bookedAt: { lt: at } }, { bookedAt: at, id: { lt: 42 } }] }],
    });
    expect(renewalsOrder("desc", false)).toEqual([{ bookedAt: "desc" }, { id: "desc" }]);

    const prev = listRenewalsQuery.parse({ before: "2026-11-20T02:00:00.000Z~42" });
    expect(renewalsWhere(prev)).toEqual({
      AND: [{ bookedAt: { gte: at } }, { OR: [{ bookedAt: { gt: at } }, { bookedAt: at, id: { gt: 42 } }] }],
    });
    expect(renewalsOrder("desc", true)).toEqual([{ bookedAt: "asc" }, { id: "asc" }]);

    const ascending = listRenewalsQuery.parse({ after: "2026-11-20T02:00:00.000Z~42", dir: "asc" });
    expect(renewalsWhere(ascending)).toEqual({
      AND: [{ bookedAt: { gte: at } }, { OR: [{ bookedAt: { gt: at } }, { bookedAt: at, id: { gt: 42 } }] }],
    });
  });
});
