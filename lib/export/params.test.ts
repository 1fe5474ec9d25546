import { describe, expect, it } from "vitest";
import { z } from "zod";
import { blankToUndefined, optionalParam as optional } from "@/lib/validations/search-params";
import { exportHref, parseExportParams } from "./params";

// A plain zod list schema of the kind these helpers read (lists on the kit use lib/list/params.ts).
const listRenewalsQuery = z.object({
  from: optional(z.iso.date()),
  to: optional(z.iso.date()),
  park: optional(z.string().trim().max(64)),
  q: optional(z.string().trim().max(64)),
  sync: optional(z.enum(["PENDING", "RETRYING", "SYNCED", "FAILED", "NONE"])),
  after: optional(z.string().regex(/^\S+~\d+$/)),
  dir: z.preprocess(blankToUndefined, z.enum(["desc", "asc"]).default("desc").catch("desc")),
  perPage: z.preprocess(blankToUndefined, z.coerce.number().pipe(z.union([z.literal(25), z.literal(50), z.literal(100)])).default(50).catch(50)),
});

// One with a defaulted enum, as the fee report had before it moved onto the kit.
const reportQuery = z.object({
  by: z.preprocess(blankToUndefined, z.enum(["day", "month"]).default("day").catch("day")),
  to: optional(z.iso.date()),
});

const params = (text: string) => new URLSearchParams(text);

describe("parseExportParams", () => {
  it("accepts the list's own filters and parses them with its schema", () => {
    const result = parseExportParams(listRenewalsQuery, params("from=2026-11-01&to=2026-11-30&park=21845&sync=FAILED&q="));
    expect(result).toMatchObject({ ok: true, query: { from: "2026-11-01", to: "2026-11-30", park: "21845", sync: "FAILED" } });
  });

  it("names what a page would silently drop: impossible dates, bad enums, control characters", () => {
    expect(parseExportParams(listRenewalsQuery, params("from=2026-99-99&sync=LOST&park=%00"))).toEqual({ ok: false, invalid: ["from", "sync", "park"], unknown: [] });
    expect(parseExportParams(reportQuery, params("by=week&to=2026-02-30"))).toEqual({ ok: false, invalid: ["by", "to"], unknown: [] });
    expect(parseExportParams(listRenewalsQuery, params("dir=sideways&perPage=7"))).toEqual({ ok: false, invalid: ["dir", "perPage"], unknown: [] });
  });

  it("refuses parameters the list does not know", () => {
    expect(parseExportParams(reportQuery, params("by=day&plate=x"))).toEqual({ ok: false, invalid: [], unknown: ["plate"] });
  });

  it("keeps the schema's defaults for what is absent", () => {
    expect(parseExportParams(reportQuery, params(""))).toMatchObject({ ok: true, query: { by: "day" } });
  });
});

describe("exportHref", () => {
  it("links the page's valid filters only, without paging", () => {
    expect(exportHref("/api/renewals/export", listRenewalsQuery, { from: "2026-99-99", park: "21845", after: "2026-11-22T02:00:00.000Z~12", sync: "" })).toBe(
      "/api/renewals/export?park=21845",
    );
    expect(exportHref("/api/renewals/export", listRenewalsQuery, {})).toBe("/api/renewals/export");
  });
});
