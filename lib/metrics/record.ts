// What the callback and the worker report, with label values kept to small fixed sets.
import type { CallResult } from "@/lib/wechatpay/client";
import { metrics } from "@/lib/metrics/registry";

export type CallbackOutcome = "booked" | "duplicate" | "conflict" | "rejected" | "error";

export function recordCallback(outcome: CallbackOutcome, rejectReason: string | undefined, seconds: number) {
  const m = metrics();
  m.callbackNotices.inc({ outcome, reason: outcome === "rejected" ? reasonClass(rejectReason ?? "") : "" });
  m.callbackDuration.observe({ outcome }, seconds);
}

/** Rejection reasons name fields; the class is what an alert needs. */
export function reasonClass(reason: string): string {
  if (reason === "bad sign") return "signature";
  if (reason === "unknown union_id") return "unknown_vendor";
  if (reason === "vendor disabled") return "vendor_disabled";
  if (reason === "unsupported service") return "unsupported_service";
  if (reason === "body too large" || reason === "body is not valid UTF-8" || reason === "empty body") return "body";
  if (/^(malformed JSON|body is not a|missing field|invalid |data )/.test(reason)) return "invalid_notice";
  return "other";
}

export type AttemptOutcome = "success" | "transient" | "permanent" | "unverified" | "mapping_error" | "error";

export function recordSyncAttempt(outcome: AttemptOutcome, result: CallResult | null) {
  const m = metrics();
  m.syncAttempts.inc({ outcome, code: codeLabel(result?.code ?? null), http_status: result?.httpStatus ? String(result.httpStatus) : "none" });
  if (result) m.syncAttemptDuration.observe({ outcome }, result.durationMs / 1000);
}

/** WeChat codes are UPPER_SNAKE words; anything else (an unverified proxy's body) is "other". */
function codeLabel(code: string | null): string {
  if (!code) return "none";
  return /^[A-Z][A-Z0-9_]{0,47}$/.test(code) ? code : "other";
}
