// POST /api/callbacks/bolink — Bolink's notify_url for month-card renewals (月卡续费); the
// endpoint itself is lib/bolink/endpoint.ts, configured here from the environment once.
import { NextResponse } from "next/server";
import { createCallbackEndpoint, type EndpointConfig } from "@/lib/bolink/endpoint";
import { getDb, sqlOf } from "@/lib/db/client";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { createRateLimiter } from "@/lib/http/rate-limit";

export const dynamic = "force-dynamic";

let config: EndpointConfig | undefined;

function configFromEnv(): EndpointConfig {
  if (!config) {
    const { TRUSTED_PROXY_COUNT, REJECTED_CALLBACKS_LIMIT, BOLINK_ALLOWED_IPS, BOLINK_INVALID_PER_MINUTE } = env();
    config = {
      sql: () => sqlOf(getDb()),
      clientIp: (request) => clientIp(request.headers, TRUSTED_PROXY_COUNT),
      keepRejected: REJECTED_CALLBACKS_LIMIT,
      allowlist: BOLINK_ALLOWED_IPS,
      invalidLimiter: BOLINK_INVALID_PER_MINUTE ? createRateLimiter({ perMinute: BOLINK_INVALID_PER_MINUTE }) : undefined,
    };
  }
  return config;
}

export const POST = createCallbackEndpoint(configFromEnv);

export function GET() {
  return NextResponse.json({ state: 0, trade_no: "", errmsg: "use POST" }, { status: 405, headers: { allow: "POST" } });
}
