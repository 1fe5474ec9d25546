// Raw body → validated notice plus the exact signed data text, or a short reason that never
// echoes the values (or unknown keys) sent.
import type { z } from "zod";
import { checkRules, dataSchema, envelopeSchema, extraFields, toNotice, type BolinkNotice } from "@/lib/bolink/notice-schema";
import { extractRawDataText } from "@/lib/bolink/raw-data";
import type { Refusal } from "@/lib/bolink/reject-reasons";

export type ParsedNotice =
  | { ok: true; notice: BolinkNotice; dataText: string }
  | ({ ok: false; unionId?: string; tradeNo?: string } & Refusal);

/** Free-form values (attach, unknown fields) end up in jsonb: bounded depth, no NUL, no lone surrogates. */
const MAX_JSON_DEPTH = 32;

export function parseNotice(body: string): ParsedNotice {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.charCodeAt(0) === 0xfeff ? body.slice(1) : body);
  } catch {
    return { ok: false, code: "malformed_json", text: "malformed JSON" };
  }
  if (!isObject(parsed)) return { ok: false, code: "not_an_object", text: "body is not a JSON object" };
  const who = identify(parsed);
  const fail = (refusal: Refusal): ParsedNotice => ({ ok: false, ...refusal, ...who });

  const rawData = parsed.data;
  if (rawData === undefined || rawData === null) return fail(missing("data"));
  if (!isObject(rawData)) return fail({ code: "data_not_object", text: "data is not an object" });
  const dataText = extractRawDataText(body);
  // JSON.parse keeps the last of two "data" keys; we cannot know which one was signed.
  if (dataText === null) return fail({ code: "data_ambiguous", text: "data is ambiguous (more than one data key)" });

  const envelope = envelopeSchema.safeParse(parsed);
  if (!envelope.success) return fail(describe(envelope.error, parsed));
  const data = dataSchema.safeParse(rawData);
  if (!data.success) return fail(describe(data.error, rawData, "data."));
  const broken = checkRules(envelope.data, data.data);
  if (broken) return fail(invalid(`data.${broken.field}`, broken.message));

  const extra = extraFields(rawData);
  const attachProblem = jsonProblem(data.data.attach ?? null, 0);
  if (attachProblem) return fail(invalid("data.attach", attachProblem));
  // Unknown keys are the sender's text: the reason must not repeat them.
  const extraProblem = jsonProblem(extra, -1);
  if (extraProblem) return fail({ code: "invalid_field", text: `invalid unknown field in data: ${extraProblem}` });

  return { ok: true, notice: toNotice(envelope.data, data.data, extra), dataText };
}

/** Absent or monthcard_pay: this notice. One callback URL may serve several Bolink services. */
export function serviceIsMonthcard(serviceName: string | null): boolean {
  return serviceName === null || serviceName === "monthcard_pay";
}

const missing = (field: string): Refusal => ({ code: "missing_field", field, text: `missing field ${field}` });
const invalid = (field: string, message: string): Refusal => ({ code: "invalid_field", field, text: `invalid field ${field}: ${message}` });

function describe(error: z.ZodError, input: unknown, prefix = ""): Refusal {
  const issue = error.issues[0];
  const path = issue.path.map(String).join(".");
  if (!path) return { code: "invalid_notice", text: "body is not a valid notice" };
  const value = issue.path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key], input);
  if (value === undefined || value === null) return missing(`${prefix}${path}`);
  // Union failures ("number or numeric string") have no single branch message worth showing.
  return invalid(`${prefix}${path}`, issue.code === "invalid_union" ? "wrong type or value" : issue.message);
}

/** union_id and trade_no for the rejected-callback log, when they are short plain values. */
function identify(body: Record<string, unknown>): { unionId?: string; tradeNo?: string } {
  const plain = (value: unknown) => {
    const text = typeof value === "string" || typeof value === "number" ? String(value) : "";
    // Logged to a text column and echoed back: nothing PostgreSQL or a log viewer would choke on.
    return text && text.length <= 64 && !/[\u0000-\u001f\u007f]/.test(text) && text.isWellFormed() ? text : undefined;
  };
  const data = isObject(body.data) ? body.data : {};
  return { unionId: plain(body.union_id), tradeNo: plain(data.trade_no) };
}

/** Iterative (values may nest deeply); `depth` of the root is -1 for a container of fields. */
function jsonProblem(root: unknown, depth: number): string | null {
  const stack: [unknown, number][] = [[root, depth]];
  while (stack.length) {
    const [value, level] = stack.pop()!;
    if (typeof value === "string" && badText(value)) return badText(value);
    if (value && typeof value === "object") {
      if (level >= MAX_JSON_DEPTH) return "nested too deeply";
      for (const [key, child] of Object.entries(value)) {
        if (badText(key)) return badText(key);
        stack.push([child, level + 1]);
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
