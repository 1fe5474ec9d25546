// What the callback and the worker report, with label values kept to small fixed sets.
import type { CallResult } from "@/lib/wechatpay/client";
import { REASON_CLASS, type RejectReason } from "@/lib/bolink/reject-reasons";
import { metrics } from "@/lib/metrics/registry";

/** refused: source not in BOLINK_ALLOWED_IPS; throttled: invalid and over the sender's budget. */
export type CallbackOutcome = "booked" | "duplicate" | "conflict" | "rejected" | "refused" | "throttled" | "error";

export function recordCallback(outcome: CallbackOutcome, rejectReason: RejectReason | undefined, seconds: number) {
  const m = metrics();
  m.callbackNotices.inc({ outcome, reason: rejectReason ? REASON_CLASS[rejectReason] : "" });
  m.callbackDuration.observe({ outcome }, seconds);
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
