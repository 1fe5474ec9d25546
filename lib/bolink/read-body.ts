// Reads a callback body up to a byte limit without ever buffering more than the limit.
export const MAX_BODY_BYTES = 64 * 1024;

// Stateless between calls without { stream: true }, so one instance serves every request.
const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

export type BodyRead =
  | { ok: true; text: string; bytes: number }
  | { ok: false; reason: "body too large" | "body is not valid UTF-8"; preview: string; bytes: number };

export async function readLimitedBody(request: Request, limit = MAX_BODY_BYTES): Promise<BodyRead> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) {
    await request.body?.cancel().catch(() => {});
    return { ok: false, reason: "body too large", preview: "", bytes: declared };
  }
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > limit) {
        chunks.push(value.subarray(0, Math.max(0, limit - (bytes - value.byteLength))));
        await reader.cancel().catch(() => {});
        return { ok: false, reason: "body too large", preview: decodeLoosely(chunks), bytes };
      }
      chunks.push(value);
    }
  }
  // A callback body is nearly always one chunk: decode it in place rather than copy it first.
  const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, bytes);
  try {
    return { ok: true, text: STRICT_UTF8.decode(all), bytes };
  } catch {
    return { ok: false, reason: "body is not valid UTF-8", preview: decodeLoosely(chunks), bytes };
  }
}

function decodeLoosely(chunks: Uint8Array[]): string {
  return new TextDecoder("utf-8").decode(Buffer.concat(chunks));
}
