import type { Db } from "@/lib/db/client";

/** Fen → "12.50" (a number Excel sums), blank when the notice did not say. */
export const yuan = (fen: number | bigint | null | undefined) => (fen === null || fen === undefined ? null : (Number(fen) / 100).toFixed(2));

/** A `date` column (UTC midnight) → "2026-11-30". */
export const isoDay = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : null);

/** Names operators gave parks on 车场, for the park ids in one batch. */
export async function parkNames(db: Db, parkIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(parkIds)];
  if (!ids.length) return new Map();
  const parks = await db.park.findMany({ where: { parkId: { in: ids }, name: { not: null } }, select: { parkId: true, name: true } });
  return new Map(parks.map((park) => [park.parkId, park.name!]));
}

/** A file name's date part: "2026-11-01_2026-11-30", "from-2026-11-01", "to-2026-11-30" or "all". */
export const dateRange = (from: string | undefined, to: string | undefined) => (from && to ? `${from}_${to}` : from ? `from-${from}` : to ? `to-${to}` : "all");
