// A conflicting re-delivery against the booked notice, field by field: what Bolink sent first
// (and we booked) and what it sent later. Both are the `data` texts as received.

export type FieldChange = { field: string; booked: string | null; redelivered: string | null };

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const show = (value: unknown) => (value === undefined ? null : typeof value === "string" ? value : JSON.stringify(value));

/** Changed, added and removed fields in the booked notice's order, new ones last; null when a text is not a JSON object. */
export function conflictDiff(bookedText: string, redeliveredText: string): FieldChange[] | null {
  const booked = parseObject(bookedText);
  const redelivered = parseObject(redeliveredText);
  if (!booked || !redelivered) return null;
  const fields = [...new Set([...Object.keys(booked), ...Object.keys(redelivered)])];
  return fields
    .filter((field) => JSON.stringify(booked[field]) !== JSON.stringify(redelivered[field]))
    .map((field) => ({ field, booked: show(booked[field]), redelivered: show(redelivered[field]) }));
}

/** A body for reading: indented when it is JSON, as received otherwise. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
