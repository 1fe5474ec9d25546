import "server-only";
import type { Db } from "@/lib/db/client";

/** Every park for the shared park picker: its id and the name entered on 车场 (capped). */
export function listParkOptions(db: Db) {
  return db.park.findMany({ select: { parkId: true, name: true }, orderBy: { parkId: "asc" }, take: 1000 });
}
