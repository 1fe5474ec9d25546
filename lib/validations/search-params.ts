// Shared pieces of every list page's URL parsing: a bad or empty parameter is ignored (the page
// still renders, unfiltered), never an error page.
import { z } from "zod";

export type SearchParams = Record<string, string | string[] | undefined>;

/** searchParams (string | string[]) → the first value of each. */
export function firstValues(params: SearchParams): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}

export const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** An optional URL parameter: blank or invalid → absent. */
export const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional().catch(undefined));
