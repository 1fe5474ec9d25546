// An export's URL is checked strictly, with the list page's own schema: where the page drops a bad
// filter and shows the rest, a download must not silently hold other rows than the operator asked for.
import { z } from "zod";

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; shape?: Record<string, z.ZodType> };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The object schema under any .transform()/.pipe() wrapped around it. */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  const def = defOf(schema);
  if (def.type === "object" && def.shape) return def.shape;
  if (def.type === "pipe" && def.in) return shapeOf(def.in);
  throw new Error(`export parameters need an object schema, got ${def.type}`);
}

/**
 * Parses a value as the field would, but with every .catch() removed: a list page's parameters
 * fall back to "no filter" on bad input, which is exactly what an export must refuse.
 */
function parseStrict(schema: z.ZodType, value: unknown): { success: true; data: unknown } | { success: false } {
  const def = defOf(schema);
  if (def.type === "catch" && def.innerType) return parseStrict(def.innerType, value);
  if ((def.type === "optional" || def.type === "default" || def.type === "nullable") && def.innerType && value !== undefined && value !== null) {
    return parseStrict(def.innerType, value);
  }
  if (def.type === "pipe" && def.in && def.out) {
    const first = parseStrict(def.in, value);
    return first.success ? parseStrict(def.out, first.data) : first;
  }
  const result = schema.safeParse(value);
  return result.success ? { success: true, data: result.data } : { success: false };
}

/**
 * Whether a parameter is one the list knows and valid for it (bad ones are what a page drops).
 * Control characters are never a filter (and NUL would reach PostgreSQL as an error).
 */
function validParam(shape: Record<string, z.ZodType>, key: string, value: string): boolean {
  return Object.hasOwn(shape, key) && !/[\x00-\x1f\x7f]/.test(value) && parseStrict(shape[key], value).success;
}

/**
 * The export link for what a list page shows: its valid filters, without paging (`omit`), so the
 * download holds every matching row and never answers 400 for a filter the page already dropped.
 */
export function exportHref(path: string, schema: z.ZodType, params: Record<string, string | undefined>, omit: string[] = ["after", "before", "page", "perPage"]): string {
  const shape = shapeOf(schema);
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value && value.trim() !== "" && !omit.includes(key) && validParam(shape, key, value)) query.set(key, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export type ExportParams<Q> = { ok: true; query: Q } | { ok: false; invalid: string[]; unknown: string[] };

/** Every non-blank parameter must be one the list knows and valid for it; then the schema's own parse. */
export function parseExportParams<S extends z.ZodType>(schema: S, searchParams: URLSearchParams): ExportParams<z.infer<S>> {
  const shape = shapeOf(schema);
  const raw: Record<string, string> = {};
  const invalid: string[] = [];
  const unknown: string[] = [];
  for (const [key, value] of searchParams) {
    if (key in raw || value.trim() === "") continue;
    raw[key] = value;
    if (!Object.hasOwn(shape, key)) unknown.push(key);
    else if (!validParam(shape, key, value)) invalid.push(key);
  }
  if (invalid.length || unknown.length) return { ok: false, invalid, unknown };
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, query: parsed.data } : { ok: false, invalid: parsed.error.issues.map((issue) => issue.path.join(".")), unknown: [] };
}
