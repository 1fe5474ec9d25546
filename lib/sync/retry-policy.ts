// When to try a transient failure again: a schedule like Svix's webhooks (about a day in all),
// ±20 % jitter so a backlog does not come back as one burst, and never sooner than WeChat asks.

/** Delays before attempts 1..n: at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const DEFAULT_RETRY_DELAYS = "0s,5s,5m,30m,2h,5h,10h,10h";
export const DEFAULT_RATE_LIMITED_DELAY = "60s";

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

export function parseDuration(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)\s*$/.exec(text);
  if (!match) throw new Error(`"${text}" is not a duration like 500ms, 15s, 5m or 2h`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

export function parseDelays(text: string): number[] {
  const delays = text.split(",").map(parseDuration);
  if (!delays.length) throw new Error("needs at least one delay");
  return delays;
}

export type RetryPolicy = { delaysMs: number[]; rateLimitedMinMs: number; jitter: number };

/**
 * After attempt `attempt` (1-based) failed transiently: ms until the next one, or null when the
 * schedule is exhausted and the sync should be marked failed.
 */
export function nextDelayMs(
  policy: RetryPolicy,
  attempt: number,
  failure: { httpStatus: number | null; retryAfterSec: number | null },
  random = Math.random,
): number | null {
  if (attempt >= policy.delaysMs.length) return null;
  const base = policy.delaysMs[attempt];
  let delay = base * (1 - policy.jitter + 2 * policy.jitter * random());
  if (failure.httpStatus === 429) delay = Math.max(delay, policy.rateLimitedMinMs);
  if (failure.retryAfterSec !== null) delay = Math.max(delay, failure.retryAfterSec * 1000);
  return Math.round(delay);
}
