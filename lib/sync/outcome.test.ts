import { describe, expect, it } from "vitest";
import type { CallResult } from "@/lib/wechatpay/client";
import { decideOutcome, UNSIGNED_MAX_ATTEMPTS } from "@/lib/sync/outcome";

const policy = { delaysMs: [0, 1_000, 60_000, 3_600_000], rateLimitedMinMs: 30_000, jitter: 0 };
const now = 1_800_000_000_000;
const answer = (fields: Partial<CallResult>): CallResult => ({
  outcome: "SUCCESS",
  host: "api.mch.weixin.qq.com",
  httpStatus: 204,
  code: null,
  message: null,
  responseBody: null,
  signatureCheck: "verified",
  retryAfterSec: null,
  durationMs: 40,
  ...fields,
});
const decide = (fields: Partial<CallResult>, attempt = 1) => decideOutcome(answer(fields), attempt, policy, now, () => 0.5);

describe("decideOutcome", () => {
  it("a verified 204 is synced; a verified 4xx fails at once with WeChat's code and message", () => {
    expect(decide({})).toEqual({ status: "SYNCED", attemptOutcome: "SUCCESS", lastError: null, nextAttemptAt: null });
    expect(decide({ outcome: "PERMANENT", httpStatus: 400, code: "PARAM_ERROR", message: "wx_parking_lot_id 不存在" })).toEqual({
      status: "FAILED",
      attemptOutcome: "PERMANENT",
      lastError: "HTTP 400 · PARAM_ERROR · wx_parking_lot_id 不存在",
      nextAttemptAt: null,
    });
  });

  it("retries a transient failure on the schedule, then gives up", () => {
    expect(decide({ outcome: "TRANSIENT", httpStatus: 500, code: "SYSTEM_ERROR" }, 1)).toMatchObject({ status: "RETRYING", nextAttemptAt: new Date(now + 1_000) });
    expect(decide({ outcome: "TRANSIENT", httpStatus: 429 }, 2)).toMatchObject({ status: "RETRYING", nextAttemptAt: new Date(now + 60_000) });
    expect(decide({ outcome: "TRANSIENT", httpStatus: 429 }, 1).nextAttemptAt).toEqual(new Date(now + 30_000)); // at least the 429 floor
    expect(decide({ outcome: "TRANSIENT", httpStatus: 500 }, policy.delaysMs.length)).toMatchObject({
      status: "FAILED",
      attemptOutcome: "TRANSIENT",
      lastError: "gave up after 4 attempts: HTTP 500",
    });
  });

  it("an unverified 2xx is accepted-unverified, never scheduled again", () => {
    expect(decide({ outcome: "UNVERIFIED", signatureCheck: "signature mismatch" }, 1)).toEqual({
      status: "UNVERIFIED",
      attemptOutcome: "UNVERIFIED",
      lastError: "HTTP 204 · unverifiable response: signature mismatch",
      nextAttemptAt: null,
    });
  });

  it(`an unsigned 4xx with WeChat's body is retried, then failed after ${UNSIGNED_MAX_ATTEMPTS} attempts, marked unsigned`, () => {
    const unsigned = { outcome: "UNSIGNED_REJECTION", httpStatus: 401, code: "SIGN_ERROR", message: "签名错误", signatureCheck: "unsigned" } as const;
    expect(decide(unsigned, 1)).toMatchObject({ status: "RETRYING", attemptOutcome: "TRANSIENT", lastError: "HTTP 401 · SIGN_ERROR · 签名错误 · unsigned answer" });
    expect(decide(unsigned, 2)).toMatchObject({ status: "RETRYING" });
    expect(decide(unsigned, 3)).toEqual({
      status: "FAILED",
      attemptOutcome: "PERMANENT",
      lastError: "unsigned answer, 3 attempts: HTTP 401 · SIGN_ERROR · 签名错误 · unsigned answer",
      nextAttemptAt: null,
    });
    // A shorter schedule ends it sooner.
    expect(decideOutcome(answer(unsigned), 1, { ...policy, delaysMs: [0] }, now).status).toBe("FAILED");
  });
});
