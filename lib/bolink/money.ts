// Yuan to integer fen from the decimal text, never through floating-point multiplication.

/** ¥1,000,000.00: no month card costs that; anything above is a vendor bug or an attack. */
export const MAX_FEN = 100_000_000;

const YUAN = /^(0|[1-9]\d*)(?:\.(\d{1,2}))?$/;

export type FenResult = { ok: true; fen: number } | { ok: false; reason: string };

/** Accepts a JSON number or a numeric string ("12.30"); at most 2 decimals, not negative. */
export function yuanToFen(value: unknown): FenResult {
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { ok: false, reason: "not a finite number" };
    // Shortest round-trip form: 0.29 prints "0.29", 1.15 prints "1.15" — the text the vendor sent.
    text = String(value);
  } else if (typeof value === "string") {
    text = value;
  } else {
    return { ok: false, reason: "must be a number or a numeric string" };
  }
  if (text.startsWith("-")) return { ok: false, reason: "negative" };
  const match = YUAN.exec(text);
  if (!match) {
    if (/^\d+\.\d{3,}$/.test(text)) return { ok: false, reason: "more than 2 decimals" };
    return { ok: false, reason: "not a decimal amount in yuan" };
  }
  // Checked on the text first so that huge integer parts never reach floating point.
  if (match[1].length > 7) return { ok: false, reason: "above the plausible maximum" };
  const fen = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  if (fen > MAX_FEN) return { ok: false, reason: "above the plausible maximum" };
  return { ok: true, fen };
}
