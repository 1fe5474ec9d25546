// A local stand-in for WeChat Pay's ext-payment endpoint: it checks what the real API checks
// (Authorization signature, clock window, headers, body) and answers the way it does (204 or a
// signed JSON error), and it can be told to misbehave. Control API under /__sim/.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { KeyObject } from "node:crypto";
import { EXT_PAYMENT_PATH } from "@/lib/wechatpay/client";
import { generateKeyPair } from "@/lib/wechatpay/keys";
import { MAX_CLOCK_SKEW_SEC, parseAuthorization, signResponse, unixNow, verifyRequest } from "@/lib/wechatpay/signing";

export type Fault = "500" | "429" | "400" | "timeout" | "bad-signature" | "reset";
const FAULTS: Fault[] = ["500", "429", "400", "timeout", "bad-signature", "reset"];

export type ReceivedCall = { at: string; status: number | null; outTradeNo: string | null; body: string; fault: Fault | null };

const FEE_TYPES = [
  "EXT_PARKING_PAYMENT_FEE_TYPE_UNKNOWN",
  "EXT_PARKING_PAYMENT_FEE_TYPE_MONTHLY",
  "EXT_PARKING_PAYMENT_FEE_TYPE_QUARTERLY",
  "EXT_PARKING_PAYMENT_FEE_TYPE_MEMBER",
];

export type Simulator = {
  url: string;
  platformPublicKey: KeyObject;
  platformKeyId: string;
  received: ReceivedCall[];
  /** How many times WeChat accepted (204) this out_trade_no. */
  acceptedCount(outTradeNo: string): number;
  inject(fault: Fault, count?: number, retryAfterSec?: number): void;
  setLatency(ms: number): void;
  reset(): void;
  close(): Promise<void>;
};

export async function startWechatPaySimulator(options: {
  mchid: string;
  merchantSerialNo: string;
  merchantPublicKey: KeyObject;
  port?: number;
  host?: string;
  latencyMs?: number;
}): Promise<Simulator> {
  const platform = generateKeyPair("PUB_KEY_ID_");
  const received: ReceivedCall[] = [];
  const accepted = new Map<string, number>();
  let faults: { fault: Fault; retryAfterSec?: number }[] = [];
  let latencyMs = options.latencyMs ?? 0;
  const hanging = new Set<http.ServerResponse>();

  function answer(res: http.ServerResponse, status: number, payload?: { code: string; message: string }, badSignature = false) {
    const body = payload ? JSON.stringify(payload) : "";
    const headers = signResponse(platform.privateKey, platform.serial, body);
    if (badSignature) headers["Wechatpay-Signature"] = `A${headers["Wechatpay-Signature"].slice(1).split("").reverse().join("")}`;
    res.writeHead(status, {
      ...headers,
      "Request-ID": crypto.randomUUID(),
      ...(payload ? { "Content-Type": "application/json; charset=utf-8" } : {}),
    });
    res.end(body);
    return status;
  }

  function check(req: http.IncomingMessage, body: string): [number, string, string] | null {
    const auth = parseAuthorization(req.headers.authorization ?? null);
    if (!auth) return [401, "SIGN_ERROR", "Authorization header missing or malformed"];
    if (auth.mchid !== options.mchid) return [401, "SIGN_ERROR", "mchid does not match the signing merchant"];
    if (auth.serial_no !== options.merchantSerialNo) return [401, "SIGN_ERROR", "unknown merchant certificate serial_no"];
    if (Math.abs(unixNow() - Number(auth.timestamp)) > MAX_CLOCK_SKEW_SEC) return [401, "SIGN_ERROR", "timestamp outside the 5-minute window"];
    if (!verifyRequest(auth, "POST", req.url ?? "", body, options.merchantPublicKey)) return [401, "SIGN_ERROR", "signature verification failed"];
    if (!String(req.headers["content-type"] ?? "").startsWith("application/json")) return [400, "INVALID_REQUEST", "Content-Type must be application/json"];
    if (!String(req.headers.accept ?? "").includes("application/json")) return [400, "INVALID_REQUEST", "Accept must be application/json"];
    return validateBody(body);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): Promise<void> {
    if (req.url?.startsWith("/__sim/")) return control(req, res, body);
    if (req.method !== "POST" || req.url !== EXT_PAYMENT_PATH) {
      answer(res, 404, { code: "NOT_FOUND", message: "no such API" });
      return;
    }
    if (latencyMs) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const fault = faults.shift();
    const call: ReceivedCall = { at: new Date().toISOString(), status: null, outTradeNo: outTradeNoOf(body), body, fault: fault?.fault ?? null };
    received.push(call);
    switch (fault?.fault) {
      case "timeout":
        hanging.add(res); // never answered; the client's timeout decides
        res.on("close", () => hanging.delete(res));
        return;
      case "reset":
        req.socket.destroy();
        return;
      case "500":
        call.status = answer(res, 500, { code: "SYSTEM_ERROR", message: "系统错误" });
        return;
      case "429":
        if (fault.retryAfterSec) res.setHeader("Retry-After", String(fault.retryAfterSec));
        call.status = answer(res, 429, { code: "FREQUENCY_LIMITED", message: "频率超限" });
        return;
      case "400":
        call.status = answer(res, 400, { code: "PARAM_ERROR", message: "wx_parking_lot_id 不存在" });
        return;
    }
    const problem = check(req, body);
    if (problem) {
      call.status = answer(res, problem[0], { code: problem[1], message: problem[2] });
      return;
    }
    accepted.set(call.outTradeNo!, (accepted.get(call.outTradeNo!) ?? 0) + 1);
    call.status = answer(res, 204, undefined, fault?.fault === "bad-signature");
  }

  function control(req: http.IncomingMessage, res: http.ServerResponse, body: string) {
    const input = (() => {
      try {
        return JSON.parse(body || "{}") as Record<string, unknown>;
      } catch {
        return {};
      }
    })();
    const json = (status: number, payload: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(payload));
    };
    if (req.url === "/__sim/received") return json(200, received);
    if (req.url === "/__sim/reset") return (sim.reset(), json(200, { ok: true }));
    if (req.url === "/__sim/latency") return (sim.setLatency(Number(input.ms) || 0), json(200, { ok: true }));
    if (req.url === "/__sim/faults" && FAULTS.includes(input.fault as Fault)) {
      sim.inject(input.fault as Fault, Number(input.count) || 1, Number(input.retryAfterSec) || undefined);
      return json(200, { ok: true, queued: faults.length });
    }
    return json(404, { error: `unknown control ${req.url}; faults: ${FAULTS.join(", ")}` });
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      handle(req, res, Buffer.concat(chunks).toString("utf8")).catch(() => {
        if (!res.headersSent) answer(res, 500, { code: "SYSTEM_ERROR", message: "simulator error" });
      });
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const sim: Simulator = {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    platformPublicKey: platform.publicKey,
    platformKeyId: platform.serial,
    received,
    acceptedCount: (outTradeNo) => accepted.get(outTradeNo) ?? 0,
    inject(fault, count = 1, retryAfterSec) {
      for (let i = 0; i < count; i++) faults.push({ fault, retryAfterSec });
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    reset() {
      received.length = 0;
      accepted.clear();
      faults = [];
      latencyMs = 0;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  return sim;
}

function outTradeNoOf(body: string): string | null {
  try {
    const value = (JSON.parse(body) as { out_trade_no?: unknown }).out_trade_no;
    return typeof value === "string" ? value : null;
  } catch {
    return null;
  }
}

/** The spec's field table, answered the way WeChat does: 400 PARAM_ERROR naming the field. */
function validateBody(text: string): [number, string, string] | null {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return [400, "PARAM_ERROR", "body is not valid JSON"];
  }
  const bad = (field: string, why: string): [number, string, string] => [400, "PARAM_ERROR", `${field} ${why}`];
  const isText = (v: unknown, max: number) => typeof v === "string" && v.length >= 1 && v.length <= max;
  if (!isText(body.out_trade_no, 64)) return bad("out_trade_no", "must be a string of 1-64 characters");
  if (!Array.isArray(body.fee_items) || body.fee_items.length < 1) return bad("fee_items", "must have at least one item");
  for (const item of body.fee_items as Record<string, unknown>[]) {
    if (!FEE_TYPES.includes(item?.fee_type as string)) return bad("fee_items.fee_type", "is not a supported fee type");
    if (!Number.isInteger(item.amount) || (item.amount as number) < 1) return bad("fee_items.amount", "must be a positive integer (fen)");
  }
  if (!Number.isInteger(body.pay_time) || (body.pay_time as number) <= 0) return bad("pay_time", "must be a unix time in seconds");
  if (body.wx_parking_lot_id !== undefined && !isText(body.wx_parking_lot_id, 64)) return bad("wx_parking_lot_id", "must be a string of 1-64 characters");
  if (body.wx_trade_no !== undefined && !isText(body.wx_trade_no, 64)) return bad("wx_trade_no", "must be a string of 1-64 characters");
  return null;
}
