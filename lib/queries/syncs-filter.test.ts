// The WeChat sync list's URL → Prisma translation: the status survives every other filter, bad
// parameters are dropped, and both sorts page by keyset with the tiebreak their index has.
import { describe, expect, it } from "vitest";
import { keysetArgs, keysetPage } from "@/lib/list/keyset";
import { SYNC_SORTS, filtersByRenewal, syncSortValue, syncsWhere } from "@/lib/queries/syncs-filter";
import { syncsParams } from "@/lib/validations/syncs";

const parse = (raw: Record<string, string>) => syncsParams.parse(raw);

describe("sync list parameters", () => {
  it("defaults to the last attempt, newest first", () => {
    expect(parse({}).query).toEqual({ sort: "lastAttempt", dir: "desc", perPage: 50 });
  });

  it("keeps the status with park, dates, code and search", () => {
    const { query } = parse({ status: "FAILED", park: "21845", from: "2026-11-01", to: "2026-11-30", code: "PARAM_ERROR", q: "d14136" });
    expect(syncsWhere(query)).toEqual({
      AND: [
        { status: "FAILED" },
        { lastCode: "PARAM_ERROR" },
        // The sync's own copy of the pay time: no join for a date filter.
        { bookedAt: { gte: new Date("2026-10-31T16:00:00.000Z"), lt: new Date("2026-11-30T16:00:00.000Z") } },
        // Outside SYNCED, the sync's own copy of the park.
        { parkId: "21845" },
        {
          renewal: {
            is: {
              OR: [
                { carNumber: { contains: "d14136", mode: "insensitive" } },
                { cardId: { contains: "d14136", mode: "insensitive" } },
                { tradeNo: { contains: "d14136", mode: "insensitive" } },
                { outTradeNo: { contains: "d14136", mode: "insensitive" } },
              ],
            },
          },
        },
      ],
    });
    expect(syncsWhere(parse({ status: "RETRYING" }).query)).toEqual({ status: "RETRYING" });
    // Synced syncs from before the copies have none: the renewal's park then.
    expect(syncsWhere(parse({ park: "P" }).query)).toEqual({ renewal: { is: { parkId: "P" } } });
    expect(syncsWhere(parse({ park: "P", status: "SYNCED" }).query)).toEqual({ AND: [{ status: "SYNCED" }, { renewal: { is: { parkId: "P" } } }] });
    expect(syncsWhere(parse({}).query)).toEqual({});
  });

  it("drops a bad status, day, park or sort and says so", () => {
    const parsed = parse({ status: "DONE", from: "2026-99-99", park: "\u0000", sort: "id", perPage: "5000", bogus: "1" });
    expect(parsed.query).toEqual({ sort: "lastAttempt", dir: "desc", perPage: 50 });
    expect(parsed.dropped.sort()).toEqual(["bogus", "from", "park", "perPage", "sort", "status"]);
    expect(syncsWhere(parsed.query)).toEqual({});
  });
});

describe("sync list keyset", () => {
  const row = { id: 9, updatedAt: new Date("2026-11-20T02:00:00.000Z"), bookedAt: new Date("2026-11-19T01:00:00.000Z") };

  it("last attempt pages on (updated_at, id)", () => {
    const cursor = syncsParams.cursor("lastAttempt", syncSortValue("lastAttempt", row), row.id);
    expect(cursor).toBe("2026-11-20T02:00:00.000Z~9");
    const query = parse({ status: "FAILED", after: cursor }).query;
    const at = row.updatedAt;
    expect(keysetArgs(SYNC_SORTS[query.sort], query, syncsWhere(query))).toEqual({
      where: { AND: [{ status: "FAILED" }, { AND: [{ updatedAt: { lte: at } }, { OR: [{ updatedAt: { lt: at } }, { updatedAt: at, id: { lt: 9 } }] }] }] },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: 51,
    });
  });

  it("pay time pages on the sync's (booked_at, id), oldest first when asked", () => {
    const cursor = syncsParams.cursor("payTime", syncSortValue("payTime", row), row.id);
    expect(cursor).toBe("2026-11-19T01:00:00.000Z~9");
    const query = parse({ sort: "payTime", dir: "asc", after: cursor }).query;
    const at = row.bookedAt;
    expect(keysetArgs(SYNC_SORTS[query.sort], query, syncsWhere(query))).toEqual({
      where: { AND: [{}, { AND: [{ bookedAt: { gte: at } }, { OR: [{ bookedAt: { gt: at } }, { bookedAt: at, id: { gt: 9 } }] }] }] },
      orderBy: [{ bookedAt: "asc" }, { id: "asc" }],
      take: 51,
    });
    expect(keysetPage([row, row], { ...query, perPage: 1, after: undefined }, (r) => String(r.id))).toEqual({ rows: [row], next: "9", prev: null });
  });

  it("says which filters ask about the renewal, as the where it builds does", () => {
    const cases: [Record<string, string>, boolean][] = [
      [{}, false],
      [{ status: "FAILED" }, false],
      [{ park: "P1", status: "FAILED" }, false],
      [{ park: "P1", status: "RETRYING", code: "SYSTEM_ERROR" }, false],
      [{ park: "P1" }, true],
      [{ park: "P1", status: "SYNCED" }, true],
      [{ q: "京A" }, true],
      [{ q: "京A", status: "FAILED" }, true],
    ];
    for (const [raw, byRenewal] of cases) {
      const { query } = parse(raw);
      expect({ raw, byRenewal: filtersByRenewal(query) }).toEqual({ raw, byRenewal });
      expect({ raw, joins: JSON.stringify(syncsWhere(query)).includes('"renewal"') }).toEqual({ raw, joins: byRenewal });
    }
  });
});
