// An action's refusal in the reader's language: the shared refusals, each resource's known
// refusals, and input problems (field, rule) from their structured form. Anything else is shown
// as the handler wrote it.
import type { ActionProblem, FieldProblem, ImportRowProblem } from "@/lib/actions/problem";
import { fill } from "@/lib/i18n/fill";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import { USER_ERRORS } from "@/lib/validations/users";
import { VENDOR_ERRORS } from "@/lib/validations/vendors";

type Texts = Pick<Messages, "actionErrors" | "users" | "vendors">;

const COMMON = { unauthenticated: "unauthenticated", forbidden: "forbidden", internal: "internal error" } as const;

function keyOf<K extends string>(known: Record<K, string>, message: string): K | undefined {
  return (Object.keys(known) as K[]).find((key) => known[key] === message);
}

function fieldText(t: Texts, problem: FieldProblem): string {
  const e = t.actionErrors;
  const label = (e.fields as Record<string, string>)[problem.field] ?? problem.field;
  const r = e.reasons;
  let reason: string;
  if (problem.code === "too_small") reason = problem.minimum && problem.minimum > 1 ? fill(r.tooShort, { n: problem.minimum }) : r.required;
  else if (problem.code === "too_big") reason = fill(r.tooLong, { n: problem.maximum ?? "" });
  else if (problem.code === "invalid_format") reason = (e.formats as Record<string, string>)[problem.field] ?? r.format;
  else if (problem.code === "invalid_value") reason = r.choice;
  else if (problem.code === "invalid_type") reason = r.required;
  else reason = r.format;
  return fill(e.invalid, { field: label, reason });
}

function rowText(t: Texts, row: ImportRowProblem): string {
  const e = t.actionErrors;
  const reason =
    row.reason === "csv" ? e.importCsv : row.reason === "header" ? e.importHeader : row.reason === "duplicate" ? fill(e.importDuplicate, { parkId: row.parkId }) : fieldText(t, row);
  return fill(e.importRow, { line: row.line, reason });
}

function problemText(t: Texts, problem: ActionProblem): string {
  if (problem.kind === "invalid") return fieldText(t, problem);
  const shown = problem.rows.slice(0, 20).map((row) => rowText(t, row));
  return fill(t.actionErrors.importFailed, { n: problem.total, rows: shown.join(t.actionErrors.listSeparator) });
}

export function localizeActionError(t: Texts, result: { error: string; problem?: ActionProblem }): string {
  if (result.problem) return problemText(t, result.problem);
  const common = keyOf(COMMON, result.error);
  if (common) return t.actionErrors[common];
  const user = keyOf(USER_ERRORS, result.error);
  if (user) return t.users.errors[user];
  const vendor = keyOf(VENDOR_ERRORS, result.error);
  if (vendor) return t.vendors.errors[vendor];
  return result.error;
}
