import { z } from "zod";
import { optionalParam as optional } from "@/lib/validations/search-params";


export const listCardsQuery = z.object({
  status: optional(z.enum(["active", "expiring", "expired"])),
  park: optional(z.string().trim().max(64)),
  q: optional(z.string().trim().max(64)),
  /** Keyset position "YYYY-MM-DD~id" in (period_end, id) order. */
  after: optional(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}~\d{1,12}$/)
      .transform((value) => {
        const [day, id] = value.split("~");
        return { end: new Date(`${day}T00:00:00Z`), id: Number(id) };
      }),
  ),
});

export type ListCardsQuery = z.infer<typeof listCardsQuery>;
