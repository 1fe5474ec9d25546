// POST /v3/parking/reminders/ext-payment with the exact body text, signed, every answer verified,
// classified by HTTP status (WeChat spells codes differently across APIs; statuses are stable).
// Never throws for HTTP or network outcomes: every call ends in a CallResult for the attempt log.
import os from "node:os";
import type { LiveConfig } from "@/lib/wechatpay/config";
import { buildAuthorization, UNSIGNED, verifyResponse } from "@/lib/wechatpay/signing";
import { fetchTransport, httpTransport, type Answer, type Transport } from "@/lib/wechatpay/transport";

export const EXT_PAYMENT_PATH = "/v3/parking/reminders/ext-payment";

/** Where and as whom to call: the live config, or the simulator's URL and platform key. */
export type ExtPaymentTarget = Omit<LiveConfig, "mode" | "trustedKeys" | "wechatpaySerial"> & {
  /** Defaults to the first trusted key's serial. */
  wechatpaySerial?: string;
};

/**
 * UNVERIFIED: a 2xx whose signature could not be checked — most likely WeChat took it, so it is
 * not pushed again by itself. UNSIGNED_REJECTION: a 4xx with WeChat's JSON error body and no
 * signature headers at all — most likely real (WeChat sends some unsigned), so retried a few
 * times only, then failed with WeChat's code and message.
 */
export type CallOutcome = "SUCCESS" | "TRANSIENT" | "PERMANENT" | "UNVERIFIED" | "UNSIGNED_REJECTION";

export type CallResult = {
  outcome: CallOutcome;
  /** host[:port] that gave this result (the backup's after a failover). */
  host: string;
  httpStatus: number | null;
  code: string | null;
  /** WeChat's message; when there was no answer, what went wrong (same text as `error`). */
  message: string | null;
  responseBody: string | null;
  /** "verified", or why the answer could not be trusted; null when there was no answer. */
  signatureCheck: string | null;
  retryAfterSec: number | null;
  durationMs: number;
  /** WeChat's Request-ID, what their support asks for. */
  requestId?: string | null;
  /** Network failure or timeout, when there was no (complete) answer. */
  error?: string;
  /** The main host's failure when this result came from the backup host. */
  failedOverFrom?: { host: string; error: string };
};

export type ExtPaymentClient = { post(bodyText: string): Promise<CallResult> };

export type ExtPaymentClientOptions = { timeoutMs?: number; fetch?: typeof fetch; transport?: Transport; maxSockets?: number };

const DEFAULT_TIMEOUT_MS = 10_000;
// A failover makes two attempts; both must fit inside the sync worker's lease (SYNC_LEASE, 60 s).
export const MAX_TIMEOUT_MS = 25_000;
const STORED_BODY_CHARS = 4096;

/** WeChat refuses calls without a User-Agent; the official SDKs name themselves and the platform. */
export const USER_AGENT = `parking-sync-console/${process.env.npm_package_version ?? "0.1.0"} (${os.platform()}/${os.arch()}) Node.js/${process.versions.node}`;

export function createExtPaymentClient(config: ExtPaymentTarget, options: ExtPaymentClientOptions = {}): ExtPaymentClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) {
    throw new RangeError(`timeoutMs must be 1..${MAX_TIMEOUT_MS}`);
  }
  const wechatpaySerial = config.wechatpaySerial ?? [...config.wechatKeys.keys()][0] ?? "";
  const send = options.transport ?? (options.fetch ? fetchTransport(options.fetch) : httpTransport({ maxSockets: options.maxSockets }));

  async function attempt(baseUrl: string, bodyText: string): Promise<{ answered: boolean; result: CallResult }> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const host = new URL(baseUrl).host;
    const noAnswer = { host, httpStatus: null, code: null, responseBody: null, signatureCheck: null, retryAfterSec: null, requestId: null };
    let response: Answer;
    try {
      response = await send(`${baseUrl}${EXT_PAYMENT_PATH}`, {
        body: bodyText,
        timeoutMs,
        headers: {
          Accept: "application/json",
          "Content-Type": "application/json",
          "User-Agent": USER_AGENT,
          // Names the key WeChat should sign its answer with (the public key or the newest certificate).
          "Wechatpay-Serial": wechatpaySerial,
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
    } catch (error) {
      const answeredStatus = (error as { answered?: unknown }).answered;
      if (typeof answeredStatus === "number") {
        const description = `answer cut off: ${describeFailure(error, timeoutMs)}`;
        const result = { ...noAnswer, httpStatus: answeredStatus, outcome: "TRANSIENT", message: description } as const;
        return { answered: true, result: { ...result, error: description, durationMs: elapsed() } };
      }
      const description = describeFailure(error, timeoutMs);
      return { answered: false, result: { ...noAnswer, outcome: "TRANSIENT", message: description, error: description, durationMs: elapsed() } };
    }

    const text = response.body.toString("utf8");
    const signatureCheck = verifyResponse({ headers: response.headers, body: response.body, keys: config.wechatKeys });
    const fields = errorFields(text);
    return {
      answered: true,
      result: {
        host,
        httpStatus: response.status,
        requestId: response.headers.get("request-id"),
        retryAfterSec: parseRetryAfter(response.headers.get("retry-after")),
        ...fields,
        outcome: classify(response.status, signatureCheck, fields.code !== null && fields.message !== null),
        responseBody: text ? text.slice(0, STORED_BODY_CHARS) : null,
        signatureCheck,
        durationMs: elapsed(),
      },
    };
  }

  return {
    async post(bodyText) {
      const first = await attempt(config.baseUrl, bodyText);
      if (first.answered || !config.backupBaseUrl) return first.result;
      // No answer from the main site (refused, reset, DNS, timeout): the same bytes once to the backup.
      const second = await attempt(config.backupBaseUrl, bodyText);
      return {
        ...second.result,
        durationMs: first.result.durationMs + second.result.durationMs,
        failedOverFrom: { host: first.result.host, error: first.result.error ?? "no answer" },
      };
    },
  };
}

/**
 * Verified: any 2xx is accepted (WeChat promises 204); 408, 429 and 5xx are retried; other 4xx are
 * permanent; 1xx/3xx are not an answer to this call, so retried. Unverified (revised spec): a 2xx
 * most likely landed, so it waits for an operator instead of being pushed again; a 4xx with
 * WeChat's error body and no signature headers at all is most likely WeChat's and is retried only
 * a few times; anything else unverified (a bad signature, a proxy's page) is retried as transient.
 */
export function classify(status: number, signatureCheck: string, hasWechatErrorBody = false): CallOutcome {
  const retryable = status === 408 || status === 429 || status >= 500;
  if (signatureCheck === "verified") {
    if (status >= 200 && status < 300) return "SUCCESS";
    if (retryable) return "TRANSIENT";
    return status >= 400 ? "PERMANENT" : "TRANSIENT";
  }
  if (status >= 200 && status < 300) return "UNVERIFIED";
  if (signatureCheck === UNSIGNED && status >= 400 && !retryable && hasWechatErrorBody) return "UNSIGNED_REJECTION";
  return "TRANSIENT";
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === "TimeoutError") return `no answer within ${timeoutMs} ms`;
  // fetch wraps the socket error in `cause`; node:http throws it as is.
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause ?? (error as { code?: unknown; message?: unknown });
  const code = typeof cause?.code === "string" ? cause.code : null;
  const detail = typeof cause?.message === "string" ? cause.message : error instanceof Error ? error.message : String(error);
  return `network error: ${[code, detail].filter(Boolean).join(" ")}`.slice(0, 300);
}

function errorFields(body: string): { code: string | null; message: string | null } {
  try {
    const parsed = JSON.parse(body) as { code?: unknown; message?: unknown };
    return {
      code: typeof parsed?.code === "string" ? parsed.code.slice(0, 64) : null,
      message: typeof parsed?.message === "string" ? parsed.message.slice(0, 500) : null,
    };
  } catch {
    return { code: null, message: null };
  }
}

/** Seconds, from either form of Retry-After (delta-seconds or an HTTP date). */
export function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
