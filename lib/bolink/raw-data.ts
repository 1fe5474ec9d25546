// Finds the exact text of the top-level "data" value in a raw body. Bolink signs the text it
// serialised; re-serialising the parsed object would change key order, spacing, number format
// and escapes and break valid signatures.
//
// One forward pass with an explicit stack (no recursion: hostile bodies nest 64 Ki levels deep),
// validating the whole body as JSON so the slice returned is what JSON.parse saw.

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

type Expect = "value" | "valueOrClose" | "key" | "keyOrClose" | "colon" | "commaOrClose";

/**
 * The raw text of the top-level "data" value (whatever its JSON type), or null when the body is
 * not one JSON object, has no "data" key, or has it twice (which of them was signed is ambiguous).
 */
export function extractRawDataText(body: string): string | null {
  let i = skipSpace(body, body.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (body[i] !== "{") return null;

  const closers: string[] = []; // "}" or "]" per open container
  let expect: Expect = "value";
  let isDataValue = false; // the value being read belongs to a top-level "data" key
  let valueStart = -1;
  let found: string | null = null;
  let duplicate = false;

  const endValue = (end: number): Expect => {
    if (closers.length === 1 && isDataValue) {
      duplicate ||= found !== null;
      found = body.slice(valueStart, end);
    }
    return "commaOrClose";
  };
  const close = (): Expect => {
    closers.pop();
    i++;
    return closers.length === 0 ? "commaOrClose" : endValue(i);
  };

  for (;;) {
    i = skipSpace(body, i);
    if (i >= body.length) return expect === "commaOrClose" && closers.length === 0 && !duplicate ? found : null;
    if (closers.length === 0 && expect === "commaOrClose") return null; // text after the object
    const c = body[i];

    if (expect === "colon") {
      if (c !== ":") return null;
      i++;
      expect = "value";
    } else if (expect === "commaOrClose") {
      if (c === ",") {
        expect = closers[closers.length - 1] === "}" ? "key" : "value";
        i++;
      } else if (c === closers[closers.length - 1]) {
        expect = close();
      } else {
        return null;
      }
    } else if (expect === "key" || expect === "keyOrClose") {
      if (expect === "keyOrClose" && c === "}") {
        expect = close();
        continue;
      }
      const end = c === '"' ? scanString(body, i) : -1;
      if (end < 0) return null;
      // Only top-level keys matter; they may be spelled with escapes ("d\u0061ta").
      if (closers.length === 1) isDataValue = JSON.parse(body.slice(i, end)) === "data";
      i = end;
      expect = "colon";
    } else {
      if (closers.length === 1) valueStart = i;
      if (c === "{" || c === "[") {
        closers.push(c === "{" ? "}" : "]");
        i++;
        expect = c === "{" ? "keyOrClose" : "valueOrClose";
      } else if (c === "]" && expect === "valueOrClose") {
        expect = close();
      } else {
        const end = c === '"' ? scanString(body, i) : scanScalar(body, i);
        if (end < 0) return null;
        i = end;
        expect = endValue(i);
      }
    }
  }
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  return i;
}

/** Index just past the JSON string starting at `start` (a quote), or -1 when it is not valid. */
function scanString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return -1;
    if (code === 0x5c) {
      const next = text[i + 1];
      if (next === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return -1;
        i += 5;
      } else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
        i++;
      } else {
        return -1;
      }
    }
  }
  return -1;
}

/** Index just past the number or literal at `start`, or -1. */
function scanScalar(text: string, start: number): number {
  for (const pattern of [NUMBER, LITERAL]) {
    pattern.lastIndex = start;
    if (pattern.test(text)) return pattern.lastIndex;
  }
  return -1;
}
