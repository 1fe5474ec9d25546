// The list-page kit's URL state, shared by the server page, the client toolbar and the exports.
//
//   export const renewalsParams = defineListParams({
//     filters: { from: param.day(), park: param.text(), sync: param.oneOf(["FAILED", …]) },
//     sorts: { payTime: "date", amount: "int" },      // sort key → the cursor's value type
//     defaultSort: "payTime",                           // dir defaults to "desc"
//   });
//   const { query, values, dropped } = renewalsParams.parse(await searchParams);
//
// `query` is typed (filters, sort, dir, perPage, after/before cursors); `values` holds the valid
// raw strings (for links and the toolbar's controls); `dropped` names every parameter that was
// unknown or invalid: the page renders without it and says so (<ListNotice>), never an error page.
// Pure: no server-only imports, so client components use the same definition.
import { z } from "zod";

export type RawParams = Record<string, string | string[] | undefined>;
export type SortDir = "asc" | "desc";
/** How a sort column's value is written in a cursor. */
export type SortType = "date" | "day" | "int" | "text";
export type CursorValue = Date | number | string;
export type Cursor = { value: CursorValue; id: number };

export const PER_PAGE_CHOICES = [25, 50, 100] as const;
export const PAGE_KEYS = ["sort", "dir", "perPage", "after", "before"] as const;

const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** A real calendar day, "2026-11-22" (2026-99-99 and 2026-02-30 are refused). */
function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Parameter types: each takes the URL's string and refuses anything odd. */
export const param = {
  day: () => z.string().refine(isDay),
  /** Free text: trimmed, bounded, no control characters (PostgreSQL refuses NUL in text). */
  text: (max = 64) =>
    z
      .string()
      .trim()
      .min(1)
      .max(max)
      .refine((value) => !CONTROL_CHARS.test(value)),
  oneOf: <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values),
  flag: () => z.literal("1").transform(() => true as const),
  int: (max = 2 ** 31 - 1) =>
    z
      .string()
      .regex(/^\d{1,10}$/)
      .transform(Number)
      .pipe(z.number().int().min(0).max(max)),
};

type FilterShape = Record<string, z.ZodType<unknown, string>>;

export type ListQuery<F extends FilterShape, S extends string> = { [K in keyof F]?: z.output<F[K]> } & {
  sort: S;
  dir: SortDir;
  perPage: number;
  after?: Cursor;
  before?: Cursor;
};

export type ParsedList<F extends FilterShape, S extends string> = {
  query: ListQuery<F, S>;
  /** The valid parameters as given, for links and controls. */
  values: Record<string, string>;
  /** Unknown or invalid parameter names, in URL order (a page drops them; an export answers 400). */
  dropped: string[];
  unknown: string[];
  invalid: string[];
};

export function decodeCursor(raw: string, type: SortType): Cursor | null {
  const at = raw.lastIndexOf("~");
  if (at < 0 || !/^\d{1,10}$/.test(raw.slice(at + 1))) return null;
  const id = Number(raw.slice(at + 1));
  const text = raw.slice(0, at);
  if (type === "int") return /^-?\d{1,15}$/.test(text) ? { value: Number(text), id } : null;
  if (type === "day") return isDay(text) ? { value: new Date(`${text}T00:00:00Z`), id } : null;
  if (type === "date") {
    const date = new Date(text);
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(text) && !Number.isNaN(date.getTime()) ? { value: date, id } : null;
  }
  return text.length <= 200 && !CONTROL_CHARS.test(text) ? { value: text, id } : null;
}

export function encodeCursor(value: CursorValue, id: number, type: SortType): string {
  if (value instanceof Date) return `${type === "day" ? value.toISOString().slice(0, 10) : value.toISOString()}~${id}`;
  return `${value}~${id}`;
}

export function defineListParams<const F extends FilterShape, const S extends string>(spec: {
  filters: F;
  sorts: Record<S, SortType>;
  defaultSort: NoInfer<S>;
  defaultDir?: SortDir;
  defaultPerPage?: (typeof PER_PAGE_CHOICES)[number];
}) {
  const sortKeys = Object.keys(spec.sorts) as S[];
  const keys = [...Object.keys(spec.filters), ...PAGE_KEYS];
  const defaults = { sort: spec.defaultSort, dir: spec.defaultDir ?? "desc", perPage: spec.defaultPerPage ?? 50 } as const;

  function parse(raw: RawParams): ParsedList<F, S> {
    const values: Record<string, string> = {};
    const dropped: string[] = [];
    const filters: Record<string, unknown> = {};
    const first: Record<string, string> = {};
    for (const [key, value] of Object.entries(raw)) {
      const text = Array.isArray(value) ? value[0] : value;
      if (!keys.includes(key)) dropped.push(key);
      else if (text !== undefined && text.trim() !== "") first[key] = text;
    }
    const keep = (key: string, ok: boolean) => (ok ? (values[key] = first[key]) : dropped.push(key));

    for (const [key, schema] of Object.entries(spec.filters)) {
      if (first[key] === undefined) continue;
      const parsed = schema.safeParse(first[key]);
      keep(key, parsed.success);
      if (parsed.success) filters[key] = parsed.data;
    }
    const sort = first.sort === undefined ? defaults.sort : sortKeys.find((s) => s === first.sort);
    if (first.sort !== undefined) keep("sort", !!sort);
    const dir = first.dir === undefined ? defaults.dir : first.dir === "asc" || first.dir === "desc" ? first.dir : undefined;
    if (first.dir !== undefined) keep("dir", !!dir);
    const perPage = first.perPage === undefined ? defaults.perPage : PER_PAGE_CHOICES.find((n) => String(n) === first.perPage);
    if (first.perPage !== undefined) keep("perPage", !!perPage);
    const sortKey = sort ?? defaults.sort;
    const cursors: { after?: Cursor; before?: Cursor } = {};
    for (const key of ["after", "before"] as const) {
      if (first[key] === undefined) continue;
      const cursor = decodeCursor(first[key], spec.sorts[sortKey]);
      keep(key, !!cursor && !(key === "before" && cursors.after));
      if (cursor && !(key === "before" && cursors.after)) cursors[key] = cursor;
    }
    const query = { ...filters, sort: sortKey, dir: dir ?? defaults.dir, perPage: perPage ?? defaults.perPage, ...cursors } as ListQuery<F, S>;
    const unknown = dropped.filter((key) => !keys.includes(key));
    return { query, values, dropped, unknown, invalid: dropped.filter((key) => !unknown.includes(key)) };
  }

  return {
    keys,
    sorts: spec.sorts,
    defaults,
    parse,
    /** The cursor of a row for the current sort (the pager's "next" / "prev"). */
    cursor: (sort: S, value: CursorValue, id: number) => encodeCursor(value, id, spec.sorts[sort]),
  };
}

export type ListParams = ReturnType<typeof defineListParams>;

/**
 * A link to the same list with some parameters changed (undefined removes one). Any change other
 * than the cursor itself starts again at the first page.
 */
export function listHref(values: Record<string, string>, changes: Record<string, string | undefined>): string {
  const next = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (key !== "after" && key !== "before" && !(key in changes)) next.set(key, value);
  }
  for (const [key, value] of Object.entries(changes)) if (value !== undefined && value !== "") next.set(key, value);
  const text = next.toString();
  return text ? `?${text}` : "?";
}

/** Every filter and the sort, without the page cursor: what an export or a count should use. */
export function filterValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => key !== "after" && key !== "before"));
}

/** What the client table needs of the parsed URL: plain data, serialisable to a client component. */
export type ListState = { values: Record<string, string>; sort: string; dir: SortDir; perPage: number };

export function listState(parsed: { query: { sort: string; dir: SortDir; perPage: number }; values: Record<string, string> }): ListState {
  return { values: parsed.values, sort: parsed.query.sort, dir: parsed.query.dir, perPage: parsed.query.perPage };
}
