// The callback endpoint as a (Request) → Response function, so tests can build one with their
// own allowlist and limiter; app/api/callbacks/bolink/route.ts builds it from the environment.
// Always JSON; HTTP 200 with a state for everything Bolink may send, so its retry logic only
// looks at `state`; 403 for a source outside BOLINK_ALLOWED_IPS, 429 for a sender over its
// budget of invalid requests (neither is logged to the database: that is what they protect).
import { randomUUID } from "node:crypto";
import { handleCallback, type BolinkAnswer, type IntakeResult } from "@/lib/bolink/intake";
import { readLimitedBody } from "@/lib/bolink/read-body";
import type { RejectReason } from "@/lib/bolink/reject-reasons";
import type { Sql } from "@/lib/db/client";
import type { Allowlist } from "@/lib/http/allowlist";
import type { RateLimiter } from "@/lib/http/rate-limit";
import { log, scalarLog } from "@/lib/log";
import { recordCallback, type CallbackOutcome } from "@/lib/metrics/record";

export type EndpointConfig = {
  sql: () => Sql;
  clientIp: (request: Request) => string | null;
  keepRejected: number;
  allowlist?: Allowlist;
  invalidLimiter?: RateLimiter;
};

const UNAVAILABLE = "temporarily unavailable, please retry";

export function createCallbackEndpoint(config: () => EndpointConfig) {
  return async function POST(request: Request): Promise<Response> {
    const started = performance.now();
    const { sql, clientIp, keepRejected, allowlist, invalidLimiter } = config();
    const requestId = randomUUID();
    const remoteAddr = clientIp(request);
    if (allowlist && !allowlist.allows(remoteAddr)) {
      void request.body?.cancel().catch(() => {});
      return finish({ requestId, remoteAddr, started, outcome: "refused", status: 403, answer: { state: 0, trade_no: "", errmsg: "source address not allowed" } });
    }
    let result: IntakeResult;
    try {
      const body = await readLimitedBody(request);
      result = await handleCallback(sql(), { body, remoteAddr, keepRejected, allowInvalid: invalidLimiter && ((address) => invalidLimiter.take(address)) });
    } catch (error) {
      // Nothing was committed (the booking is one statement); Bolink re-sends on state 0.
      log.error({ requestId, remoteAddr, err: error }, "bolink callback failed");
      return finish({ requestId, remoteAddr, started, outcome: "error", status: 200, answer: { state: 0, trade_no: "", errmsg: UNAVAILABLE } });
    }
    if ("booking" in result) {
      return finish({ requestId, remoteAddr, started, outcome: result.booking.outcome, status: 200, answer: result.answer, renewalId: result.booking.renewalId });
    }
    const { throttled, refusal } = result;
    return finish({
      requestId,
      remoteAddr,
      started,
      outcome: throttled ? "throttled" : "rejected",
      status: throttled ? 429 : 200,
      answer: result.answer,
      reason: refusal.code,
      field: refusal.field,
    });
  };
}

type Finished = {
  requestId: string;
  remoteAddr: string | null;
  started: number;
  outcome: CallbackOutcome;
  status: number;
  answer: BolinkAnswer;
  renewalId?: number;
  reason?: RejectReason;
  field?: string;
};

function finish({ requestId, remoteAddr, started, outcome, status, answer, renewalId, reason, field }: Finished): Response {
  const ms = performance.now() - started;
  recordCallback(outcome, reason, ms / 1000);
  // One line per callback; every value is a scalar we produced or validated: no redaction pass.
  scalarLog.info({ requestId, remoteAddr, outcome, state: answer.state, tradeNo: answer.trade_no || undefined, renewalId, reason, field, ms: Math.round(ms) }, "bolink callback");
  const headers: Record<string, string> = { "content-type": "application/json", "cache-control": "no-store", "x-request-id": requestId };
  if (status === 429) headers["retry-after"] = "60";
  return new Response(JSON.stringify(answer), { status, headers });
}
