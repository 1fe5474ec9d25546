import { z } from "zod";

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional().catch(undefined));

export const listSyncsQuery = z.object({
  status: optional(z.enum(["PENDING", "RETRYING", "SYNCED", "FAILED"])),
  code: optional(z.string().trim().max(64)),
  park: optional(z.string().trim().max(64)),
  from: optional(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  to: optional(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  after: optional(z.coerce.number().int().positive()),
});

export type ListSyncsQuery = z.infer<typeof listSyncsQuery>;
