// Audit entries in the reader's words: the action's name and its details as "label: value" pairs,
// not the stored code and JSON (those stay in the database for machines).
import type { Messages } from "@/lib/i18n/messages/zh-CN";

type AuditTexts = Pick<Messages, "audit" | "roles" | "parks" | "sync">;

export function auditActionLabel(t: Pick<Messages, "audit">, action: string): string {
  return (t.audit.actions as Record<string, string>)[action] ?? action;
}

function valueText(t: AuditTexts, key: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return t.audit.none;
  if (typeof value === "boolean") return value ? t.audit.yes : t.audit.no;
  if (Array.isArray(value)) return value.map((item) => valueText(t, key, item)).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  const text = String(value);
  if (text in t.roles) return t.roles[text as keyof Messages["roles"]];
  if (key === "feeTypeOverride" && text in t.parks.feeTypes) return t.parks.feeTypes[text as keyof Messages["parks"]["feeTypes"]];
  return text;
}

/** Details as [label, value] pairs; keys the catalogue does not know keep their name. */
export function auditDetails(t: AuditTexts, details: unknown): [string, string][] {
  if (details === null || details === undefined) return [];
  if (typeof details !== "object" || Array.isArray(details)) return [[t.audit.details, valueText(t, "", details)]];
  const labels = t.audit.fields as Record<string, string>;
  return Object.entries(details as Record<string, unknown>).map(([key, value]) => [labels[key] ?? key, valueText(t, key, value)]);
}

export function auditDetailsText(t: AuditTexts, details: unknown, separator = "; "): string {
  return auditDetails(t, details)
    .map(([label, value]) => `${label}: ${value}`)
    .join(separator);
}
