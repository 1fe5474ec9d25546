// Raw body → validated notice plus the exact signed data text, or a short reason that never
// echoes the values sent.
import type { z } from "zod";
import { checkRules, dataSchema, envelopeSchema, toNotice, type BolinkNotice } from "@/lib/bolink/notice-schema";
import { extractRawDataText } from "@/lib/bolink/raw-data";

export type ParsedNotice =
  | { ok: true; notice: BolinkNotice; dataText: string }
  | { ok: false; reason: string; unionId?: string; tradeNo?: string };

/** Free-form values (attach, unknown fields) end up in jsonb: bounded depth, no NUL, no lone surrogates. */
const MAX_JSON_DEPTH = 32;

export function parseNotice(body: string): ParsedNotice {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.charCodeAt(0) === 0xfeff ? body.slice(1) : body);
  } catch {
    return { ok: false, reason: "malformed JSON" };
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return { ok: false, reason: "body is not a JSON object" };
  const who = identify(parsed as Record<string, unknown>);

  const envelope = envelopeSchema.safeParse(parsed);
  if (!envelope.success) return { ok: false, reason: describe(envelope.error, parsed), ...who };
  const dataText = extractRawDataText(body);
  if (dataText === null) return { ok: false, reason: "data is ambiguous (more than one data key)", ...who };

  const data = dataSchema.safeParse(envelope.data.data);
  if (!data.success) return { ok: false, reason: describe(data.error, envelope.data.data, "data."), ...who };
  const broken = checkRules(envelope.data, data.data);
  if (broken) return { ok: false, reason: `invalid field data.${broken.field}: ${broken.message}`, ...who };

  const notice = toNotice(envelope.data, data.data);
  for (const [field, value] of Object.entries({ attach: notice.attach, ...notice.extra })) {
    const problem = jsonProblem(value);
    if (problem) return { ok: false, reason: `invalid field data.${field}: ${problem}`, ...who };
  }
  return { ok: true, notice, dataText };
}

/** Absent or monthcard_pay: this notice. One callback URL may serve several Bolink services. */
export function serviceIsMonthcard(serviceName: string | null): boolean {
  return serviceName === null || serviceName === "monthcard_pay";
}

function describe(error: z.ZodError, input: unknown, prefix = ""): string {
  const issue = error.issues[0];
  const path = issue.path.map(String).join(".");
  if (!path) return "body is not a valid notice";
  const value = issue.path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key], input);
  if (value === undefined || value === null) return `missing field ${prefix}${path}`;
  // Union failures ("number or numeric string") have no single branch message worth showing.
  const message = issue.code === "invalid_union" ? "wrong type or value" : issue.message;
  return `invalid field ${prefix}${path}: ${message}`;
}

/** union_id and trade_no for the rejected-callback log, when they are short plain values. */
function identify(body: Record<string, unknown>): { unionId?: string; tradeNo?: string } {
  const plain = (value: unknown) =>
    (typeof value === "string" || typeof value === "number") && String(value).length <= 64 ? String(value) : undefined;
  const data = body.data && typeof body.data === "object" ? (body.data as Record<string, unknown>) : {};
  return { unionId: plain(body.union_id), tradeNo: plain(data.trade_no) };
}

function jsonProblem(root: unknown): string | null {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (typeof value === "string" && badText(value)) return badText(value);
    if (value && typeof value === "object") {
      if (depth >= MAX_JSON_DEPTH) return "nested too deeply";
      for (const [key, child] of Object.entries(value)) {
        if (badText(key)) return badText(key);
        stack.push([child, depth + 1]);
      }
    }
  }
  return null;
}

function badText(value: string): string | null {
  if (value.includes("\u0000")) return "contains a NUL character";
  if (!value.isWellFormed()) return "contains an invalid Unicode character";
  return null;
}
