// Keyset pages on any sort column, with the row id as tiebreak: (column, id) > cursor.
// Pure Prisma where/orderBy fragments, so the translation is unit-tested; each sorted column has
// a (column, id) index, so any page, however deep, is an index range read — no OFFSET, no count.
import type { Cursor, SortDir } from "@/lib/list/params";

/** A sort column of the listed model, or of a to-one relation (syncs sort by their renewal's time). */
export type KeysetColumn = { column: string; relation?: string };

type Page = { perPage: number; dir: SortDir; after?: Cursor; before?: Cursor };

const flip = (dir: SortDir): SortDir => (dir === "desc" ? "asc" : "desc");

/** Reading "prev" walks the index backwards from the cursor, then shows the rows in list order. */
export const isBackwards = (page: Pick<Page, "after" | "before">) => !!page.before && !page.after;

/** Rows strictly after the cursor in the list's order (or before it, reading backwards). */
export function keysetWhere(col: KeysetColumn, dir: SortDir, cursor: Cursor, forward: boolean): Record<string, unknown> {
  const op = forward === (dir === "desc") ? "lt" : "gt";
  const { value, id } = cursor;
  // The id alone is unique: its own position, on the primary key (audit, rejected: id order is time order).
  if (col.column === "id" && !col.relation) return { id: { [op]: id } };
  // The plain bound lets PostgreSQL seek the (column, id) index to the cursor; the OR alone is
  // only a filter, which at row 900,000 meant reading 900,000 index entries first.
  const inner = {
    AND: [{ [col.column]: { [`${op}e`]: value } }, { OR: [{ [col.column]: { [op]: value } }, { [col.column]: value, id: { [op]: id } }] }],
  };
  return col.relation ? { [col.relation]: { is: inner } } : inner;
}

export function keysetOrder(col: KeysetColumn, dir: SortDir, backwards = false): Record<string, unknown>[] {
  const effective = backwards ? flip(dir) : dir;
  const order = col.column === "id" && !col.relation ? [{ id: effective }] : [{ [col.column]: effective }, { id: effective }];
  return col.relation ? order.map((entry) => ({ [col.relation!]: entry })) : order;
}

/** where (filters AND position), orderBy and take (one extra row says whether another page exists). */
export function keysetArgs<W extends object>(col: KeysetColumn, page: Page, filters: W) {
  const position = page.after ?? page.before;
  const where = position ? { AND: [filters, keysetWhere(col, page.dir, position, !!page.after)] } : filters;
  return { where: where as W, orderBy: keysetOrder(col, page.dir, isBackwards(page)), take: page.perPage + 1 };
}

export type KeysetFindArgs = { where: object; orderBy: Record<string, unknown>[]; take: number };

/**
 * Reads the rows keysetArgs describes. After a cursor on a column other than the id, as up to two
 * index seeks: the rows sharing the cursor's value past its id, then, if the page is not full yet,
 * the rows beyond that value. keysetWhere's one read seeks to the value and then filters every row
 * sharing it; month-card prices are shared by a million renewals each at 10 M, so a deep page
 * sorted by amount read them all (300 ms), and an export by amount did so for every batch.
 */
export async function keysetRows<T>(find: (args: KeysetFindArgs) => Promise<T[]>, col: KeysetColumn, page: Page, filters: object): Promise<T[]> {
  const cursor = page.after ?? page.before;
  if (!cursor || (col.column === "id" && !col.relation)) return find(keysetArgs(col, page, filters));
  const op = !!page.after === (page.dir === "desc") ? "lt" : "gt";
  const orderBy = keysetOrder(col, page.dir, isBackwards(page));
  const scoped = (inner: object) => ({ AND: [filters, col.relation ? { [col.relation]: { is: inner } } : inner] });
  const take = page.perPage + 1;
  const tied = await find({ where: scoped({ [col.column]: cursor.value, id: { [op]: cursor.id } }), orderBy, take });
  if (tied.length === take) return tied;
  return tied.concat(await find({ where: scoped({ [col.column]: { [op]: cursor.value } }), orderBy, take: take - tied.length }));
}

/** Trims the extra row, restores list order after a backwards read, and gives both cursors. */
export function keysetPage<T>(rows: T[], page: Page, cursorOf: (row: T) => string) {
  const backwards = isBackwards(page);
  const more = rows.length > page.perPage;
  const shown = rows.slice(0, page.perPage);
  if (backwards) shown.reverse();
  const hasNext = backwards ? true : more;
  const hasPrev = backwards ? more : !!page.after;
  return {
    rows: shown,
    next: hasNext && shown.length ? cursorOf(shown[shown.length - 1]) : null,
    prev: hasPrev && shown.length ? cursorOf(shown[0]) : null,
  };
}

export type KeysetResult<T> = { rows: T[]; next: string | null; prev: string | null };
