// What went wrong with an action's input, as data: the server words it in the reader's language
// (lib/i18n/action-errors.ts) instead of showing zod's or a handler's English.
import type { z } from "zod";

/** One field that failed its schema: which field, and the zod issue's code and bounds. */
export type FieldProblem = { field: string; code: string; minimum?: number; maximum?: number };

export type ImportRowProblem = { line: number } & (
  | { reason: "csv" }
  | { reason: "header" }
  | { reason: "duplicate"; parkId: string }
  | ({ reason: "invalid" } & FieldProblem)
);

export type ActionProblem = ({ kind: "invalid" } & FieldProblem) | { kind: "import"; total: number; rows: ImportRowProblem[] };

export function fieldProblem(issue: z.core.$ZodIssue): FieldProblem {
  const bounds = issue as { minimum?: number | bigint; maximum?: number | bigint };
  return {
    field: issue.path.map(String).join(".") || "value",
    code: issue.code,
    ...(bounds.minimum !== undefined ? { minimum: Number(bounds.minimum) } : {}),
    ...(bounds.maximum !== undefined ? { maximum: Number(bounds.maximum) } : {}),
  };
}
