import { z } from "zod";
import { blankToUndefined } from "@/lib/validations/search-params";
import { chinaToday } from "@/lib/cards/periods";

// A real calendar day: 2026-99-99 matches the shape but would make an Invalid Date downstream.
const day = z.iso.date();

/** Default: this month so far, by day. */
export const feesQuery = z
  .object({
    by: z.preprocess(blankToUndefined, z.enum(["day", "month"]).default("day").catch("day")),
    from: z.preprocess(blankToUndefined, day.optional().catch(undefined)),
    to: z.preprocess(blankToUndefined, day.optional().catch(undefined)),
    park: z.preprocess(blankToUndefined, z.string().trim().max(64).optional().catch(undefined)),
  })
  .transform((query) => {
    const today = chinaToday().toISOString().slice(0, 10);
    return { ...query, from: query.from ?? `${today.slice(0, 8)}01`, to: query.to ?? today };
  });

export type FeesQuery = z.infer<typeof feesQuery>;
