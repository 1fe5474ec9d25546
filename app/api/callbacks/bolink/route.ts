// POST /api/callbacks/bolink — Bolink's notify_url for month-card renewals (月卡续费). Always JSON,
// always HTTP 200 with a state, so Bolink's retry logic only ever looks at `state`.
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { handleCallback, type BolinkAnswer } from "@/lib/bolink/intake";
import { readLimitedBody } from "@/lib/bolink/read-body";
import { getDb, sqlOf } from "@/lib/db/client";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { log } from "@/lib/log";
import { recordCallback } from "@/lib/metrics/record";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const requestId = randomUUID();
  const started = performance.now();
  const remoteAddr = clientIp(request.headers, env().TRUSTED_PROXY_COUNT);
  let answer: BolinkAnswer;
  try {
    const body = await readLimitedBody(request);
    const result = await handleCallback(sqlOf(getDb()), { body, remoteAddr, keepRejected: env().REJECTED_CALLBACKS_LIMIT });
    answer = result.answer;
    const outcome = result.booking?.outcome ?? "rejected";
    const seconds = (performance.now() - started) / 1000;
    recordCallback(outcome, answer.state === 0 ? answer.errmsg : undefined, seconds);
    log.info(
      {
        requestId,
        remoteAddr,
        state: answer.state,
        tradeNo: answer.trade_no || undefined,
        outcome,
        reason: answer.state === 0 ? answer.errmsg : undefined,
        renewalId: result.booking?.renewalId,
        ms: Math.round(seconds * 1000),
      },
      "bolink callback",
    );
  } catch (error) {
    // Nothing was committed (the booking is one transaction); Bolink re-sends on state 0.
    const ms = Math.round(performance.now() - started);
    recordCallback("error", undefined, ms / 1000);
    log.error({ requestId, remoteAddr, err: error, ms }, "bolink callback failed");
    answer = { state: 0, trade_no: "", errmsg: "temporarily unavailable, please retry" };
  }
  return NextResponse.json(answer, { headers: { "cache-control": "no-store", "x-request-id": requestId } });
}

export function GET() {
  return NextResponse.json({ state: 0, trade_no: "", errmsg: "use POST" }, { status: 405, headers: { allow: "POST" } });
}
