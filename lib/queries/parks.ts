import "server-only";
import { sqlOf, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma";
import { keysetArgs, keysetPage } from "@/lib/list/keyset";
import { PARK_SORTS, parksWhere } from "@/lib/queries/admin-filters";
import { parksParams, type ParksQuery } from "@/lib/validations/parks";

/** Every park for the shared park picker: its id and the name entered on 车场 (capped). */
export async function listParkOptions(db: Db): Promise<{ parkId: string; name: string | null }[]> {
  // Plain SQL on the pool: hundreds of rows on every list page, without the query compiler's cost per row.
  const { rows } = await sqlOf(db).query<{ parkId: string; name: string | null }>('SELECT park_id AS "parkId", name FROM parks ORDER BY park_id LIMIT 1000');
  return rows;
}

const parkSelect = { id: true, parkId: true, name: true, wxParkingLotId: true, feeTypeOverride: true } satisfies Prisma.ParkSelect;

/** One page of parks by park id (unique and indexed), keyset, so thousands of parks page like ten. */
export async function listParks(db: Db, query: ParksQuery) {
  const args = keysetArgs(PARK_SORTS[query.sort], query, parksWhere(query));
  const rows = await db.park.findMany({ ...args, select: parkSelect } as { where: Prisma.ParkWhereInput; select: typeof parkSelect });
  return keysetPage(rows, query, (row) => parksParams.cursor(query.sort, row.parkId, row.id));
}

export type ParkRow = Awaited<ReturnType<typeof listParks>>["rows"][number];
