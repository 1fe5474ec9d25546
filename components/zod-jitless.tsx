"use client";
import { z } from "zod";

// The pages' CSP has no 'unsafe-eval'. Zod probes for it once with `new Function("")` before its
// first object parse in the browser; the probe's exception is caught, but the browser still
// reports a CSP violation. Jitless parsing skips the probe (the server keeps zod's fast path).
z.config({ jitless: true });

export function ZodJitless() {
  return null;
}
