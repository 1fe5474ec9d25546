import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma";
import { keysetArgs, keysetPage } from "@/lib/list/keyset";
import { PARK_SORTS, parksWhere } from "@/lib/queries/admin-filters";
import { parksParams, type ParksQuery } from "@/lib/validations/parks";

/** Every park for the shared park picker: its id and the name entered on 车场 (capped). */
export function listParkOptions(db: Db) {
  return db.park.findMany({ select: { parkId: true, name: true }, orderBy: { parkId: "asc" }, take: 1000 });
}

const parkSelect = { id: true, parkId: true, name: true, wxParkingLotId: true, feeTypeOverride: true } satisfies Prisma.ParkSelect;

/** One page of parks by park id (unique and indexed), keyset, so thousands of parks page like ten. */
export async function listParks(db: Db, query: ParksQuery) {
  const args = keysetArgs(PARK_SORTS[query.sort], query, parksWhere(query));
  const rows = await db.park.findMany({ ...args, select: parkSelect } as { where: Prisma.ParkWhereInput; select: typeof parkSelect });
  return keysetPage(rows, query, (row) => parksParams.cursor(query.sort, row.parkId, row.id));
}

export type ParkRow = Awaited<ReturnType<typeof listParks>>["rows"][number];
