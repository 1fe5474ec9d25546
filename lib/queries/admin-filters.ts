// Parks, users and vendors filters → Prisma where. Pure, so the mapping is unit-tested.
import type { Prisma } from "@/lib/generated/prisma";
import type { KeysetColumn } from "@/lib/list/keyset";
import type { ParksQuery } from "@/lib/validations/parks";
import type { UsersQuery } from "@/lib/validations/users";
import type { VendorsQuery } from "@/lib/validations/vendors";

const contains = (text: string) => ({ contains: text, mode: "insensitive" as const });

export const PARK_SORTS: Record<ParksQuery["sort"], KeysetColumn> = { parkId: { column: "parkId" } };

/** Park id or the name entered on 车场, partial and any case; mapped = has a WeChat parking-lot id. */
export function parksWhere(query: Partial<ParksQuery>): Prisma.ParkWhereInput {
  const and: Prisma.ParkWhereInput[] = [];
  if (query.q) and.push({ OR: [{ parkId: contains(query.q) }, { name: contains(query.q) }] });
  if (query.mapped === "1") and.push({ wxParkingLotId: { not: null } });
  if (query.mapped === "0") and.push({ wxParkingLotId: null });
  return and.length ? { AND: and } : {};
}

export function usersWhere(query: Partial<UsersQuery>): Prisma.UserWhereInput {
  const and: Prisma.UserWhereInput[] = [];
  if (query.q) and.push({ username: contains(query.q) });
  if (query.role) and.push({ role: query.role });
  if (query.status) and.push({ disabled: query.status === "disabled" });
  return and.length ? { AND: and } : {};
}

export function vendorsWhere(query: Partial<VendorsQuery>): Prisma.VendorAccountWhereInput {
  const and: Prisma.VendorAccountWhereInput[] = [];
  if (query.q) and.push({ OR: [{ unionId: contains(query.q) }, { name: contains(query.q) }] });
  if (query.status) and.push({ enabled: query.status === "enabled" });
  return and.length ? { AND: and } : {};
}
