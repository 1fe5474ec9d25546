import { z } from "zod";
import { optionalParam as optional } from "@/lib/validations/search-params";


export const listSyncsQuery = z.object({
  status: optional(z.enum(["PENDING", "RETRYING", "SYNCED", "FAILED", "UNVERIFIED"])),
  code: optional(z.string().trim().max(64)),
  park: optional(z.string().trim().max(64)),
  from: optional(z.iso.date()),
  to: optional(z.iso.date()),
  after: optional(z.coerce.number().int().positive()),
});

export type ListSyncsQuery = z.infer<typeof listSyncsQuery>;
