// POST /v3/parking/reminders/ext-payment with the exact body text, signed, every answer verified,
// classified by HTTP status (WeChat spells codes differently across APIs; statuses are stable).
import { buildAuthorization, verifyResponse } from "@/lib/wechatpay/signing";
import type { LiveConfig } from "@/lib/wechatpay/config";

export const EXT_PAYMENT_PATH = "/v3/parking/reminders/ext-payment";

export type CallOutcome = "SUCCESS" | "TRANSIENT" | "PERMANENT";

export type CallResult = {
  outcome: CallOutcome;
  host: string;
  httpStatus: number | null;
  code: string | null;
  message: string | null;
  responseBody: string | null;
  /** "verified", or why the answer could not be trusted; null when there was no answer. */
  signatureCheck: string | null;
  retryAfterSec: number | null;
  durationMs: number;
};

export type ExtPaymentClient = { post(bodyText: string): Promise<CallResult> };

export function createExtPaymentClient(
  config: Omit<LiveConfig, "mode">,
  options: { timeoutMs?: number; fetch?: typeof fetch } = {},
): ExtPaymentClient {
  const timeoutMs = Math.min(options.timeoutMs ?? 10_000, 10_000);
  const doFetch = options.fetch ?? fetch;

  async function callHost(baseUrl: string, bodyText: string): Promise<CallResult & { undelivered?: boolean }> {
    const started = performance.now();
    const host = new URL(baseUrl).host;
    const base = { host, code: null, message: null, responseBody: null, signatureCheck: null, retryAfterSec: null };
    try {
      const response = await doFetch(`${baseUrl}${EXT_PAYMENT_PATH}`, {
        method: "POST",
        body: bodyText,
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          Accept: "application/json",
          "Content-Type": "application/json",
          "User-Agent": "parking-sync-console",
          Authorization: buildAuthorization({
            mchid: config.mchid,
            serialNo: config.merchantSerialNo,
            privateKey: config.merchantPrivateKey,
            method: "POST",
            pathWithQuery: EXT_PAYMENT_PATH,
            body: bodyText,
          }),
        },
      });
      const responseBody = await response.text();
      const durationMs = Math.round(performance.now() - started);
      const signatureCheck = verifyResponse({ headers: response.headers, body: responseBody, keys: config.wechatKeys });
      const { code, message } = errorFields(responseBody);
      const result = {
        ...base,
        httpStatus: response.status,
        code,
        message,
        responseBody: responseBody.slice(0, 4096),
        signatureCheck,
        retryAfterSec: retryAfter(response.headers.get("retry-after")),
        durationMs,
      };
      return { ...result, outcome: classify(response.status, signatureCheck) };
    } catch (error) {
      const durationMs = Math.round(performance.now() - started);
      const timedOut = (error as Error).name === "TimeoutError" || (error as Error).name === "AbortError";
      const cause = ((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name) || "network error";
      return {
        ...base,
        outcome: "TRANSIENT",
        httpStatus: null,
        message: timedOut ? `no answer within ${timeoutMs} ms` : `network error: ${cause}`,
        durationMs,
        // A timed-out call may have landed; only a call that never connected is safe to repeat elsewhere.
        undelivered: !timedOut && ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"].includes(cause),
      };
    }
  }

  return {
    async post(bodyText) {
      const first = await callHost(config.baseUrl, bodyText);
      if (first.undelivered && config.backupBaseUrl) {
        const second = await callHost(config.backupBaseUrl, bodyText);
        return strip({ ...second, durationMs: first.durationMs + second.durationMs });
      }
      return strip(first);
    },
  };
}

function strip(result: CallResult & { undelivered?: boolean }): CallResult {
  const { undelivered: _undelivered, ...rest } = result;
  void _undelivered;
  return rest;
}

/**
 * 204 verified: done. An answer we cannot verify is never trusted either way (a proxy or an
 * attacker may have written it), so it is retried. 429 and 5xx: retry. Other 4xx: permanent.
 */
export function classify(status: number, signatureCheck: string): CallOutcome {
  if (signatureCheck !== "verified") return "TRANSIENT";
  if (status === 204) return "SUCCESS";
  if (status === 429 || status >= 500) return "TRANSIENT";
  if (status >= 400) return "PERMANENT";
  // Any other 2xx/3xx is not what this endpoint promises; retry rather than guess.
  return "TRANSIENT";
}

function errorFields(body: string): { code: string | null; message: string | null } {
  try {
    const parsed = JSON.parse(body) as { code?: unknown; message?: unknown };
    return {
      code: typeof parsed.code === "string" ? parsed.code.slice(0, 64) : null,
      message: typeof parsed.message === "string" ? parsed.message.slice(0, 500) : null,
    };
  } catch {
    return { code: null, message: null };
  }
}

function retryAfter(header: string | null): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header)) return Number(header);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
