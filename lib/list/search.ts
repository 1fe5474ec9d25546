// Partial, case-insensitive search over a few text columns, shaped for pg_trgm GIN indexes
// (migration 20261128_list_search_sort): ILIKE '%term%' on each column, OR-ed into a bitmap scan.

/** Below three characters a trigram index has nothing to look up: match exactly instead. */
export const MIN_PARTIAL = 3;

/** A plate without its leading province character ("鄂d14136" → "d14136"), or null if none. */
export function plateTail(term: string): string | null {
  const tail = term.replace(/^[^\x00-\x7f]/, "");
  return tail !== term && tail.length >= MIN_PARTIAL ? tail : null;
}

/**
 * Prisma OR for `term` on `columns`. The plate column also matches without the province
 * character, so booth staff find 鄂D14136 from "d14136", "14136" or "鄂d14136".
 */
export function textSearch(term: string, columns: string[], plateColumn?: string): { OR: Record<string, unknown>[] } {
  if (term.length < MIN_PARTIAL) return { OR: columns.map((column) => ({ [column]: term })) };
  const partial = (column: string, text: string) => ({ [column]: { contains: text, mode: "insensitive" } });
  const or = columns.map((column) => partial(column, column === plateColumn ? (plateTail(term) ?? term) : term));
  return { OR: or };
}
