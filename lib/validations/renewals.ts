// The renewals list's URL state: one parser for the page, the CSV export and the tests.
import { z } from "zod";
import { blankToUndefined, optionalParam as optional } from "@/lib/validations/search-params";

// A real calendar day: 2026-99-99 matches the shape but would make an Invalid Date downstream.
const day = z.iso.date();

export const SYNC_FILTERS = ["PENDING", "RETRYING", "SYNCED", "FAILED", "UNVERIFIED", "NONE"] as const;
export const PER_PAGE = [25, 50, 100] as const;

/** A keyset position: the booked-at time and id of a row, "2026-11-22T02:00:00.000Z~123". */
export const cursor = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z~\d{1,12}$/)
  .transform((value) => {
    const [at, id] = value.split("~");
    return { at: new Date(at), id: Number(id) };
  });

export const listRenewalsQuery = z.object({
  from: optional(day),
  to: optional(day),
  park: optional(z.string().trim().max(64)),
  q: optional(z.string().trim().max(64)),
  channel: optional(z.enum(["0", "1"]).transform(Number)),
  payState: optional(z.enum(["0", "1"]).transform(Number)),
  sync: optional(z.enum(SYNC_FILTERS)),
  conflict: optional(z.literal("1").transform(() => true)),
  after: optional(cursor),
  before: optional(cursor),
  dir: z.preprocess(blankToUndefined, z.enum(["desc", "asc"]).default("desc").catch("desc")),
  perPage: z.preprocess(blankToUndefined, z.coerce.number().pipe(z.union(PER_PAGE.map((n) => z.literal(n)))).default(50).catch(50)),
});

export type ListRenewalsQuery = z.infer<typeof listRenewalsQuery>;

export const encodeCursor = (row: { bookedAt: Date; id: number }) => `${row.bookedAt.toISOString()}~${row.id}`;
