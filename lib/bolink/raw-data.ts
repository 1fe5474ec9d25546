// Finds the exact text of the top-level "data" value in a raw body. Bolink signs the text it
// serialised; re-serialising the parsed object would change key order, spacing, number format
// and escapes and break valid signatures.

/** The raw text of the top-level "data" value, or null when the body has no single such key. */
export function extractRawDataText(body: string): string | null {
  let i = body.charCodeAt(0) === 0xfeff ? 1 : 0;
  i = skipSpace(body, i);
  if (body[i] !== "{") return null;
  i++;
  let found: string | null = null;
  for (;;) {
    i = skipSpace(body, i);
    if (body[i] === "}") return found;
    if (body[i] !== '"') return null;
    const keyEnd = scanString(body, i);
    if (keyEnd < 0) return null;
    const key = decodeKey(body.slice(i, keyEnd));
    i = skipSpace(body, keyEnd);
    if (body[i] !== ":") return null;
    i = skipSpace(body, i + 1);
    const valueEnd = scanValue(body, i);
    if (valueEnd < 0) return null;
    if (key === "data") {
      if (found !== null) return null; // two "data" keys: which one was signed is ambiguous
      found = body.slice(i, valueEnd);
    }
    i = skipSpace(body, valueEnd);
    if (body[i] === ",") i++;
    else if (body[i] !== "}") return null;
  }
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  return i;
}

/** Index just past the string starting at `start` (a quote), or -1. */
function scanString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === '"') return i + 1;
  }
  return -1;
}

/** Index just past the value starting at `start`, or -1. Iterative, so deep nesting cannot overflow. */
function scanValue(text: string, start: number): number {
  let depth = 0;
  let i = start;
  do {
    const c = text[i];
    if (c === '"') {
      i = scanString(text, i);
      if (i < 0) return -1;
    } else if (c === "{" || c === "[") {
      depth++;
      i++;
    } else if (c === "}" || c === "]") {
      if (depth === 0) return -1;
      depth--;
      i++;
    } else if (i >= text.length) {
      return -1;
    } else {
      // A scalar (number, true, false, null) or structural punctuation inside a container.
      i++;
      if (depth === 0) {
        while (i < text.length && !/[\s,}\]]/.test(text[i])) i++;
        return i;
      }
    }
  } while (depth > 0);
  return i;
}

function decodeKey(quoted: string): string | null {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return null;
  }
}
