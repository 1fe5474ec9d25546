// Stored sync errors are English for logs and grouping; operators read them in their language.
import { describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/messages/en";
import { zhCN } from "@/lib/i18n/messages/zh-CN";
import { syncErrorText } from "@/lib/i18n/sync-error";
import { decideOutcome } from "@/lib/sync/outcome";

const zh = (text: string | null) => syncErrorText(zhCN, text);
const ENGLISH = /[A-Za-z]{4,}/;

describe("syncErrorText", () => {
  it("keeps WeChat's own code and message, translates our phrases", () => {
    expect(zh("HTTP 400 · PARAM_ERROR · wx_parking_lot_id 不存在")).toBe("HTTP 400 · PARAM_ERROR · wx_parking_lot_id 不存在");
    expect(zh("gave up after 5 attempts: HTTP 503 · SYSTEM_ERROR · 系统繁忙")).toBe("重试 5 次后放弃：HTTP 503 · SYSTEM_ERROR · 系统繁忙");
    expect(zh("unsigned answer, 3 attempts: HTTP 400 · PARAM_ERROR · 参数错误 · unsigned answer")).toBe("应答未签名，已尝试 3 次：HTTP 400 · PARAM_ERROR · 参数错误 · 应答未签名");
    expect(zh("HTTP 200 · unverifiable response: signature mismatch")).toBe("HTTP 200 · 应答签名无法验证（签名不匹配）");
  });

  it("words network failures and mapping refusals with no developer English", () => {
    for (const stored of [
      "gave up after 8 attempts: no answer within 10000 ms",
      "gave up after 8 attempts: network error: ECONNREFUSED connect ECONNREFUSED 127.0.0.1:9",
      "gave up after 2 attempts: HTTP 502 · answer cut off: network error: terminated",
      "cannot map: the renewal has neither out_trade_no nor trade_no",
      "cannot map: out_trade_no is longer than 32 characters",
      "cannot map: WeChat Pay needs an amount of at least 1 fen",
      "cannot map: the renewal has no valid payment time",
      "cannot map: the park's wx_parking_lot_id is longer than 32 characters",
    ]) {
      // HTTP and the socket code are what an operator searches for; the rest is words.
      expect(zh(stored)!.replace(/HTTP|ECONNREFUSED/g, ""), stored).not.toMatch(ENGLISH);
    }
    expect(zh("cannot map: out_trade_no is longer than 32 characters")).toBe("无法生成推送内容：订单号超过 32 个字符");
    expect(zh("network error: ECONNRESET socket hang up")).toBe("网络错误 ECONNRESET");
  });

  it("reads what the worker actually stores", () => {
    const policy = { delaysMs: [0, 0], rateLimitedMinMs: 0, jitter: 0 };
    const failed = decideOutcome({ outcome: "TRANSIENT", httpStatus: null, code: null, message: "no answer within 10000 ms", signatureCheck: null } as never, 3, policy);
    expect(zh(failed.lastError)).toBe("重试 3 次后放弃：10000 毫秒内无应答");
  });

  it("shows text of an unknown shape as stored, and nothing as nothing", () => {
    expect(zh("something new")).toBe("something new");
    expect(zh(null)).toBeNull();
    expect(syncErrorText(en, "gave up after 2 attempts: no answer within 5 ms")).toBe("gave up after 2 attempts: no answer within 5 ms");
  });
});
