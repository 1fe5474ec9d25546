// What one WeChat answer does to a sync: done, failed, retried later, or accepted-unverified and
// left for an operator. Pure, so every rule is tested without a database or a network.
import type { AttemptOutcome, SyncStatus } from "@/lib/generated/prisma";
import type { CallResult } from "@/lib/wechatpay/client";
import { nextDelayMs, type RetryPolicy } from "@/lib/sync/retry-policy";

/** An unsigned 4xx carrying WeChat's error body is most likely real: this many attempts, then failed. */
export const UNSIGNED_MAX_ATTEMPTS = 3;

export type SyncOutcome = {
  status: Exclude<SyncStatus, "PENDING">;
  /** How the attempt is recorded. */
  attemptOutcome: AttemptOutcome;
  lastError: string | null;
  /** Only for RETRYING. */
  nextAttemptAt: Date | null;
};

/** `attempt` is this attempt's number in the round, 1-based. */
export function decideOutcome(result: CallResult, attempt: number, policy: RetryPolicy, now = Date.now(), random = Math.random): SyncOutcome {
  const error = describeAnswer(result);
  const retryOrFail = (attemptOutcome: AttemptOutcome, failedPrefix: string): SyncOutcome => {
    const delay = nextDelayMs(policy, attempt, result, random);
    return delay === null
      ? { status: "FAILED", attemptOutcome, lastError: `${failedPrefix}: ${error}`, nextAttemptAt: null }
      : { status: "RETRYING", attemptOutcome, lastError: error, nextAttemptAt: new Date(now + delay) };
  };
  switch (result.outcome) {
    case "SUCCESS":
      return { status: "SYNCED", attemptOutcome: "SUCCESS", lastError: null, nextAttemptAt: null };
    case "PERMANENT":
      return { status: "FAILED", attemptOutcome: "PERMANENT", lastError: error, nextAttemptAt: null };
    case "UNVERIFIED":
      // Pushing it again risks a duplicate at WeChat: an operator confirms it or forces a resend.
      return { status: "UNVERIFIED", attemptOutcome: "UNVERIFIED", lastError: error, nextAttemptAt: null };
    case "UNSIGNED_REJECTION":
      if (attempt >= UNSIGNED_MAX_ATTEMPTS) {
        return { status: "FAILED", attemptOutcome: "PERMANENT", lastError: `unsigned answer, ${attempt} attempts: ${error}`, nextAttemptAt: null };
      }
      return retryOrFail("TRANSIENT", `gave up after ${attempt} attempts`);
    case "TRANSIENT":
      return retryOrFail("TRANSIENT", `gave up after ${attempt} attempts`);
  }
}

/** "HTTP 401 · SIGN_ERROR · WeChat's message", plus why the answer could not be trusted. */
export function describeAnswer(result: CallResult): string {
  const parts = [result.httpStatus ? `HTTP ${result.httpStatus}` : null, result.code, result.message];
  if (result.signatureCheck === "unsigned") parts.push("unsigned answer");
  else if (result.signatureCheck && result.signatureCheck !== "verified") parts.push(`unverifiable response: ${result.signatureCheck}`);
  return parts.filter(Boolean).join(" · ").slice(0, 500);
}
