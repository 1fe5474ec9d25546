// A page that reads one or two URL parameters outside the list kit (lib/list/params.ts does lists).
export type SearchParams = Record<string, string | string[] | undefined>;

/** searchParams (string | string[]) → the first value of each. */
export function firstValues(params: SearchParams): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}
