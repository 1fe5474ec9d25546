// The list kit's URL → query translation: what a page does with good, bad and unknown parameters,
// and the Prisma where/orderBy each filter, sort and cursor becomes.
import { describe, expect, it } from "vitest";
import { presetRange, shanghaiDayStart } from "@/lib/list/dates";
import { keysetArgs, keysetPage } from "@/lib/list/keyset";
import { listHref } from "@/lib/list/params";
import { textSearch } from "@/lib/list/search";
import { RENEWAL_SORTS, renewalsWhere } from "@/lib/queries/renewals-filter";
import { renewalsParams } from "@/lib/validations/renewals";

const parse = (raw: Record<string, string | string[]>) => renewalsParams.parse(raw);

describe("defineListParams.parse", () => {
  it("keeps valid parameters, typed, and defaults the sort and page size", () => {
    const { query, values, dropped } = parse({ from: "2026-11-01", channel: "1", conflict: "1", sort: "amount", dir: "asc", perPage: "100" });
    expect(query).toEqual({ from: "2026-11-01", channel: "1", conflict: true, sort: "amount", dir: "asc", perPage: 100 });
    expect(values).toEqual({ from: "2026-11-01", channel: "1", conflict: "1", sort: "amount", dir: "asc", perPage: "100" });
    expect(dropped).toEqual([]);
    expect(parse({}).query).toEqual({ sort: "payTime", dir: "desc", perPage: 50 });
  });

  it("drops unknown and invalid parameters and names them, never throwing", () => {
    const { query, values, dropped } = parse({
      from: "2026-99-99",
      to: "2026-02-30",
      park: "\u0000",
      channel: "9",
      sync: "DROP TABLE",
      perPage: "100000",
      sort: "password",
      after: "x",
      utm: "1",
      q: "x".repeat(65),
    });
    expect(query).toEqual({ sort: "payTime", dir: "desc", perPage: 50 });
    expect(values).toEqual({});
    expect(dropped.sort()).toEqual(["after", "channel", "from", "park", "perPage", "q", "sort", "sync", "to", "utm"].sort());
    expect(parse({ utm: "1", from: "x" })).toMatchObject({ unknown: ["utm"], invalid: ["from"] });
  });

  it("ignores blank fields (an empty form control) without calling them invalid", () => {
    expect(parse({ from: "", park: "  " })).toEqual({ query: { sort: "payTime", dir: "desc", perPage: 50 }, values: {}, dropped: [], unknown: [], invalid: [] });
  });

  it("takes the first of repeated parameters and trims text", () => {
    expect(parse({ park: [" 21845 ", "x"] }).query.park).toBe("21845");
  });

  it("reads a cursor as the current sort's type", () => {
    expect(parse({ after: "2026-11-20T02:00:00.000Z~42" }).query.after).toEqual({ value: new Date("2026-11-20T02:00:00.000Z"), id: 42 });
    expect(parse({ sort: "amount", after: "30000~7" }).query.after).toEqual({ value: 30000, id: 7 });
    expect(parse({ sort: "amount", after: "2026-11-20T02:00:00.000Z~42" }).dropped).toEqual(["after"]);
    expect(parse({ sort: "park", after: "P~1~9" }).query.after).toEqual({ value: "P~1", id: 9 });
    expect(renewalsParams.cursor("amount", 300, 5)).toBe("300~5");
  });
});

describe("renewals filters → where", () => {
  it("reads China-time days: from is inclusive, to includes its whole day", () => {
    expect(shanghaiDayStart("2026-11-22").toISOString()).toBe("2026-11-21T16:00:00.000Z");
    expect(renewalsWhere(parse({ from: "2026-11-01", to: "2026-11-30" }).query)).toEqual({
      AND: [{ bookedAt: { gte: new Date("2026-10-31T16:00:00.000Z"), lt: new Date("2026-11-30T16:00:00.000Z") } }],
    });
  });

  it("searches plate, card, trade_no and out_trade_no partially, any case; the plate also without its province", () => {
    expect(renewalsWhere(parse({ q: " 鄂d14136 " }).query)).toEqual({
      AND: [
        {
          OR: [
            { carNumber: { contains: "d14136", mode: "insensitive" } },
            { cardId: { contains: "鄂d14136", mode: "insensitive" } },
            { tradeNo: { contains: "鄂d14136", mode: "insensitive" } },
            { outTradeNo: { contains: "鄂d14136", mode: "insensitive" } },
          ],
        },
      ],
    });
    // Too short for a trigram index: exact matches, each on its own b-tree index.
    expect(textSearch("ab", ["carNumber", "cardId"])).toEqual({ OR: [{ carNumber: "ab" }, { cardId: "ab" }] });
  });

  it("maps channel, payment state, sync state and conflicts", () => {
    expect(renewalsWhere(parse({ channel: "1", payState: "0", sync: "FAILED", conflict: "1", park: "21845" }).query)).toEqual({
      AND: [{ parkId: "21845" }, { payCompany: 1 }, { payState: 0 }, { sync: { is: { status: "FAILED" } } }, { hasConflict: true }],
    });
    expect(renewalsWhere(parse({ sync: "NONE" }).query)).toEqual({ AND: [{ sync: { is: null } }] });
    expect(renewalsWhere(parse({}).query)).toEqual({});
  });
});

describe("keyset pages on the chosen sort", () => {
  it("pay time, newest first: the page after a cursor, and back", () => {
    const at = new Date("2026-11-20T02:00:00.000Z");
    const next = parse({ after: "2026-11-20T02:00:00.000Z~42" }).query;
    expect(keysetArgs(RENEWAL_SORTS[next.sort], next, {})).toEqual({
      where: { AND: [{}, { AND: [{ bookedAt: { lte: at } }, { OR: [{ bookedAt: { lt: at } }, { bookedAt: at, id: { lt: 42 } }] }] }] },
      orderBy: [{ bookedAt: "desc" }, { id: "desc" }],
      take: 51,
    });
    const prev = parse({ before: "2026-11-20T02:00:00.000Z~42" }).query;
    expect(keysetArgs(RENEWAL_SORTS[prev.sort], prev, {})).toMatchObject({
      where: { AND: [{}, { AND: [{ bookedAt: { gte: at } }, { OR: [{ bookedAt: { gt: at } }, { bookedAt: at, id: { gt: 42 } }] }] }] },
      orderBy: [{ bookedAt: "asc" }, { id: "asc" }],
    });
  });

  it("amount, smallest first, with the filters kept", () => {
    const query = parse({ sort: "amount", dir: "asc", after: "30000~7", park: "P1", perPage: "25" }).query;
    expect(keysetArgs(RENEWAL_SORTS.amount, query, renewalsWhere(query))).toEqual({
      where: {
        AND: [
          { AND: [{ parkId: "P1" }] },
          { AND: [{ amountFen: { gte: 30000 } }, { OR: [{ amountFen: { gt: 30000 } }, { amountFen: 30000, id: { gt: 7 } }] }] },
        ],
      },
      orderBy: [{ amountFen: "asc" }, { id: "asc" }],
      take: 26,
    });
  });

  it("sorts on a relation's column through `is` (syncs by their renewal's pay time)", () => {
    const cursor = { value: 5, id: 3 };
    expect(keysetArgs({ column: "bookedAt", relation: "renewal" }, { dir: "desc", perPage: 10, after: cursor }, {})).toEqual({
      where: { AND: [{}, { renewal: { is: { AND: [{ bookedAt: { lte: 5 } }, { OR: [{ bookedAt: { lt: 5 } }, { bookedAt: 5, id: { lt: 3 } }] }] } } }] },
      orderBy: [{ renewal: { bookedAt: "desc" } }, { renewal: { id: "desc" } }],
      take: 11,
    });
  });

  it("trims the extra row and gives cursors both ways", () => {
    const rows = [1, 2, 3, 4].map((id) => ({ id }));
    expect(keysetPage(rows, { dir: "desc", perPage: 3 }, (r) => `c${r.id}`)).toEqual({ rows: rows.slice(0, 3), next: "c3", prev: null });
    const back = keysetPage([...rows].reverse(), { dir: "desc", perPage: 3, before: { value: 0, id: 9 } }, (r) => `c${r.id}`);
    expect(back).toEqual({ rows: [{ id: 2 }, { id: 3 }, { id: 4 }], next: "c4", prev: "c2" });
  });
});

describe("links and presets", () => {
  it("a filter change keeps the others and drops the cursor", () => {
    expect(listHref({ status: "FAILED", after: "5~1", park: "P" }, { code: "X" })).toBe("?status=FAILED&park=P&code=X");
    expect(listHref({ status: "FAILED", park: "P" }, { status: undefined })).toBe("?park=P");
    expect(listHref({ park: "P", after: "1~1" }, { before: "2~2" })).toBe("?park=P&before=2%7E2");
  });

  it("date presets are China-time days; weeks start on Monday", () => {
    const now = new Date("2026-11-25T17:00:00Z"); // Thursday 01:00 in Shanghai, still Wednesday in UTC
    expect(presetRange("today", now)).toEqual({ from: "2026-11-26", to: "2026-11-26" });
    expect(presetRange("yesterday", now)).toEqual({ from: "2026-11-25", to: "2026-11-25" });
    expect(presetRange("thisWeek", now)).toEqual({ from: "2026-11-23", to: "2026-11-26" });
    expect(presetRange("thisMonth", now)).toEqual({ from: "2026-11-01", to: "2026-11-26" });
    expect(presetRange("lastMonth", new Date("2026-03-10T00:00:00Z"))).toEqual({ from: "2026-02-01", to: "2026-02-28" });
  });
});
