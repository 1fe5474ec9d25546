// The admin lists on the kit (parks, users, vendors, audit, rejected): what each page makes of its
// URL, and the Prisma where/orderBy it becomes.
import { describe, expect, it } from "vitest";
import { keysetArgs, keysetPage } from "@/lib/list/keyset";
import { PARK_SORTS, parksWhere, usersWhere, vendorsWhere } from "@/lib/queries/admin-filters";
import { AUDIT_SORTS, auditWhere } from "@/lib/queries/audit-filter";
import { REJECTED_SORTS, rejectedWhere } from "@/lib/queries/rejected-filter";
import { auditParams } from "@/lib/validations/audit";
import { parksParams } from "@/lib/validations/parks";
import { rejectedParams } from "@/lib/validations/rejected";
import { usersParams } from "@/lib/validations/users";
import { vendorsParams } from "@/lib/validations/vendors";

// What every list page is sent by the e2e check of bad parameters.
const HOSTILE = { from: "2026-99-99", park: "\u0000", sort: "nope", bogus: "1" };

describe("bad parameters are dropped and named on every admin list", () => {
  it.each([
    ["parks", parksParams, ["from", "park", "sort", "bogus"]],
    ["users", usersParams, ["from", "park", "sort", "bogus"]],
    ["vendors", vendorsParams, ["from", "park", "sort", "bogus"]],
    ["audit", auditParams, ["from", "park", "sort", "bogus"]],
    ["rejected", rejectedParams, ["from", "park", "sort", "bogus"]],
  ] as const)("%s", (_name, params, dropped) => {
    const parsed = params.parse(HOSTILE);
    expect([...parsed.dropped].sort()).toEqual([...dropped].sort());
    expect(parsed.values).toEqual({});
    expect(parsed.query).toEqual(params.parse({}).query);
  });

  it("refuse values outside their lists", () => {
    expect(usersParams.parse({ role: "ROOT", status: "gone" }).dropped).toEqual(["role", "status"]);
    expect(vendorsParams.parse({ status: "on" }).dropped).toEqual(["status"]);
    expect(parksParams.parse({ mapped: "yes" }).dropped).toEqual(["mapped"]);
    expect(rejectedParams.parse({ reason: "DROP TABLE" }).dropped).toEqual(["reason"]);
    expect(auditParams.parse({ after: "2026-99-99~x" }).invalid).toEqual(["after"]);
  });
});

describe("admin filters → where", () => {
  it("audit: China-time days, action and actor exactly", () => {
    expect(auditWhere(auditParams.parse({ from: "2026-11-01", to: "2026-11-30", action: "user.create", actor: "root" }).query)).toEqual({
      AND: [{ at: { gte: new Date("2026-10-31T16:00:00.000Z"), lt: new Date("2026-11-30T16:00:00.000Z") } }, { action: "user.create" }, { actor: "root" }],
    });
    expect(auditWhere(auditParams.parse({}).query)).toEqual({});
  });

  it("rejected: days, reason code, union_id", () => {
    expect(rejectedWhere(rejectedParams.parse({ to: "2026-11-22", reason: "bad_sign", union: "100000" }).query)).toEqual({
      AND: [{ receivedAt: { lt: new Date("2026-11-22T16:00:00.000Z") } }, { reason: "bad_sign" }, { unionId: "100000" }],
    });
  });

  it("parks: id or name, partial and any case; mapped or not to a WeChat parking lot", () => {
    const contains = { contains: "东门", mode: "insensitive" };
    expect(parksWhere(parksParams.parse({ q: " 东门 ", mapped: "0" }).query)).toEqual({
      AND: [{ OR: [{ parkId: contains }, { name: contains }] }, { wxParkingLotId: null }],
    });
    expect(parksWhere(parksParams.parse({ mapped: "1" }).query)).toEqual({ AND: [{ wxParkingLotId: { not: null } }] });
  });

  it("users and vendors: name search, role, enabled state", () => {
    expect(usersWhere(usersParams.parse({ q: "Lee", role: "ADMIN", status: "disabled" }).query)).toEqual({
      AND: [{ username: { contains: "Lee", mode: "insensitive" } }, { role: "ADMIN" }, { disabled: true }],
    });
    expect(usersWhere(usersParams.parse({ status: "enabled" }).query)).toEqual({ AND: [{ disabled: false }] });
    expect(vendorsWhere(vendorsParams.parse({ q: "1000", status: "enabled" }).query)).toEqual({
      AND: [{ OR: [{ unionId: { contains: "1000", mode: "insensitive" } }, { name: { contains: "1000", mode: "insensitive" } }] }, { enabled: true }],
    });
  });
});

describe("keyset on the id alone (audit, rejected) and on a unique text (parks)", () => {
  it("audit, newest first: the page after a cursor is ids below it, on the primary key only", () => {
    const query = auditParams.parse({ after: "42~42", action: "x" }).query;
    expect(keysetArgs(AUDIT_SORTS[query.sort], query, auditWhere(query))).toEqual({
      where: { AND: [{ AND: [{ action: "x" }] }, { id: { lt: 42 } }] },
      orderBy: [{ id: "desc" }],
      take: 51,
    });
  });

  it("rejected, reading back from a cursor walks the ids upwards, then shows them newest first", () => {
    const query = rejectedParams.parse({ before: "7~7", perPage: "25" }).query;
    expect(keysetArgs(REJECTED_SORTS[query.sort], query, {})).toEqual({ where: { AND: [{}, { id: { gt: 7 } }] }, orderBy: [{ id: "asc" }], take: 26 });
    const rows = [8, 9, 10].map((id) => ({ id }));
    expect(keysetPage(rows, query, (row) => `${row.id}~${row.id}`)).toEqual({ rows: [10, 9, 8].map((id) => ({ id })), next: "8~8", prev: null });
  });

  it("parks by park id, A to Z by default, the row id as tiebreak", () => {
    const query = parksParams.parse({ after: "P-9~3" }).query;
    expect(query).toMatchObject({ sort: "parkId", dir: "asc", after: { value: "P-9", id: 3 } });
    expect(keysetArgs(PARK_SORTS[query.sort], query, {})).toEqual({
      where: { AND: [{}, { AND: [{ parkId: { gte: "P-9" } }, { OR: [{ parkId: { gt: "P-9" } }, { parkId: "P-9", id: { gt: 3 } }] }] }] },
      orderBy: [{ parkId: "asc" }, { id: "asc" }],
      take: 51,
    });
  });
});
