// The month-card list's URL → Prisma translation: status windows in China days, partial search,
// and the days-left sort paged by (period_end, id) both ways.
import { describe, expect, it } from "vitest";
import { keysetArgs } from "@/lib/list/keyset";
import { CARD_SORTS, cardsWhere } from "@/lib/queries/cards-filter";
import { cardsParams } from "@/lib/validations/cards";

const parse = (raw: Record<string, string>) => cardsParams.parse(raw);
const today = new Date("2026-11-22T00:00:00Z");
const listed = { periodEnd: { not: null } };

describe("card list parameters", () => {
  it("sorts by days left, soonest first, by default", () => {
    expect(parse({}).query).toEqual({ sort: "daysLeft", dir: "asc", perPage: 50 });
  });

  it("maps status windows, park and a partial plate or card search", () => {
    expect(cardsWhere(parse({ status: "expiring", park: "P1" }).query, today)).toEqual({
      AND: [listed, { periodEnd: { gte: today, lte: new Date("2026-11-29T00:00:00Z") } }, { parkId: "P1" }],
    });
    expect(cardsWhere(parse({ status: "expired" }).query, today)).toEqual({ AND: [listed, { periodEnd: { lt: today } }] });
    expect(cardsWhere(parse({ q: "鄂d1413" }).query, today)).toEqual({
      AND: [listed, { OR: [{ carNumber: { contains: "d1413", mode: "insensitive" } }, { cardId: { contains: "鄂d1413", mode: "insensitive" } }] }],
    });
  });

  it("drops a bad status, a NUL park and an old-style cursor of another type, and says so", () => {
    const parsed = parse({ status: "soon", park: "\u0000", after: "2026-99-99~x", sort: "amount" });
    expect(parsed.query).toEqual({ sort: "daysLeft", dir: "asc", perPage: 50 });
    expect(parsed.dropped.sort()).toEqual(["after", "park", "sort", "status"]);
  });

  it("pages on (period_end, id): after a cursor ascending, and descending when flipped", () => {
    const end = new Date("2026-12-01T00:00:00Z");
    expect(cardsParams.cursor("daysLeft", end, 7)).toBe("2026-12-01~7");
    const up = parse({ after: "2026-12-01~7" }).query;
    expect(keysetArgs(CARD_SORTS[up.sort], up, {})).toEqual({
      where: { AND: [{}, { AND: [{ periodEnd: { gte: end } }, { OR: [{ periodEnd: { gt: end } }, { periodEnd: end, id: { gt: 7 } }] }] }] },
      orderBy: [{ periodEnd: "asc" }, { id: "asc" }],
      take: 51,
    });
    const down = parse({ dir: "desc", after: "2026-12-01~7" }).query;
    expect(keysetArgs(CARD_SORTS[down.sort], down, {})).toMatchObject({ orderBy: [{ periodEnd: "desc" }, { id: "desc" }] });
  });
});
