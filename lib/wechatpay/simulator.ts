// A local stand-in for WeChat Pay's ext-payment endpoint: it checks what the real API checks
// (simulator-checks.ts), answers 204 or a JSON error, signs every answer with its own platform
// key, and can be told to misbehave for the next N calls. Control API under /__sim/.
import { randomUUID, type KeyObject } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { EXT_PAYMENT_PATH } from "@/lib/wechatpay/client";
import { generatePlatformKeys, type KeyPair } from "@/lib/wechatpay/keys";
import { signResponse } from "@/lib/wechatpay/signing";
import { checkCall, type Problem } from "@/lib/wechatpay/simulator-checks";

export { generateMerchantKeys } from "@/lib/wechatpay/keys";

/**
 * "bad-signature": a 500 whose signature does not verify (the call is not taken) — a tampered or
 * forged answer, retried. "unverified-204": the call *is* taken, but the 204's signature does not
 * verify — accepted, unverified. "unsigned-401": 401 SIGN_ERROR with WeChat's JSON body and no
 * Wechatpay-* headers at all, as real WeChat answers have been seen.
 */
export const FAULTS = ["500", "429", "400", "timeout", "bad-signature", "reset", "unverified-204", "unsigned-401"] as const;
export type Fault = (typeof FAULTS)[number];

export type ReceivedCall = {
  at: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  /** The body text exactly as received. */
  body: string;
  /** The body as JSON, or null when it is not JSON. */
  parsedBody: unknown;
  outTradeNo: string | null;
  /** The status answered; null when the call was held open ("timeout") or cut ("reset"). */
  status: number | null;
  code: string | null;
  fault: Fault | null;
};

export type Simulator = {
  url: string;
  platformPublicKey: KeyObject;
  platformKeyId: string;
  received: ReceivedCall[];
  /** How many times this out_trade_no was accepted (answered 204, even with a corrupted signature: "unverified-204"). */
  acceptedCount(outTradeNo: string): number;
  /** Misbehave on the next `count` calls, after any faults already queued. */
  inject(fault: Fault, count?: number, retryAfterSec?: number): void;
  setLatency(ms: number): void;
  /** From now on each call (with no queued fault) misbehaves at random: e.g. {"500": 0.3} fails 30 %. */
  setChaos(rates: ChaosRates): void;
  /** Answer 400 PARAM_ERROR, as WeChat does, for these wx_parking_lot_id values (lots not onboarded). */
  setUnknownParkingLots(ids: string[]): void;
  /** Forgets calls, acceptances, queued faults and chaos; latency back to the start value. */
  reset(): void;
  close(): Promise<void>;
};

export type ChaosRates = Partial<Record<Fault, number>>;

export type SimulatorOptions = {
  mchid: string;
  merchantSerialNo: string;
  merchantPublicKey: KeyObject;
  port?: number;
  host?: string;
  latencyMs?: number;
  /** Reuse a platform key (and its PUB_KEY_ID_…) across restarts; generated when absent. */
  platformKeys?: KeyPair;
  /**
   * Further keys WeChat holds for this merchant (a platform certificate beside the public key, a
   * renewed certificate beside the old one). As WeChat does, an answer is signed with the key the
   * request's Wechatpay-Serial names, else with `platformKeys`.
   */
  otherPlatformKeys?: KeyPair[];
};

const MAX_BODY_BYTES = 64 * 1024;
const MAX_RECEIVED = 10_000;

const faultInput = z.object({
  fault: z.enum(FAULTS),
  count: z.number().int().min(1).max(1000).default(1),
  retryAfterSec: z.number().int().min(0).max(86_400).optional(),
});
const latencyInput = z.object({ ms: z.number().int().min(0).max(120_000) });
const chaosInput = z
  .partialRecord(z.enum(FAULTS), z.number().min(0).max(1))
  .refine((rates) => Object.values(rates).reduce((sum, rate) => sum + (rate ?? 0), 0) <= 1, "rates must add up to at most 1");

export async function startWechatPaySimulator(options: SimulatorOptions): Promise<Simulator> {
  const platform = options.platformKeys ?? generatePlatformKeys();
  const keysBySerial = new Map([platform, ...(options.otherPlatformKeys ?? [])].map((key) => [key.serial, key]));
  /** The key each answer is signed with, chosen from its request's Wechatpay-Serial. */
  const signers = new WeakMap<http.ServerResponse, KeyPair>();
  const received: ReceivedCall[] = [];
  const accepted = new Map<string, number>();
  const faults: { fault: Fault; retryAfterSec?: number }[] = [];
  let latencyMs = options.latencyMs ?? 0;
  let chaos: ChaosRates = {};
  const unknownLots = new Set<string>();
  const held = new Set<http.ServerResponse>();
  let closed: Promise<void> | undefined;

  function answer(
    res: http.ServerResponse,
    status: number,
    problem?: Problem,
    extra: { badSignature?: boolean; unsigned?: boolean; headers?: Record<string, string> } = {},
  ) {
    if (res.destroyed) return null;
    const body = problem ? JSON.stringify({ code: problem.code, message: problem.message }) : "";
    // Signing other bytes than those sent gives a well-formed signature that does not verify.
    const signer = signers.get(res) ?? platform;
    const signed = extra.unsigned ? {} : signResponse(signer.privateKey, signer.serial, extra.badSignature ? `${body}#tampered` : body);
    res.writeHead(status, {
      ...signed,
      "Request-ID": randomUUID(),
      ...(problem ? { "Content-Type": "application/json; charset=utf-8" } : {}),
      ...extra.headers,
    });
    res.end(body);
    return status;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer, tooLarge: boolean) {
    const pathWithQuery = req.url ?? "/";
    const pathname = new URL(pathWithQuery, "http://simulator").pathname;
    if (pathname.startsWith("/__sim/")) return control(req, res, pathname, body);
    const named = keysBySerial.get(String(req.headers["wechatpay-serial"] ?? ""));
    if (named) signers.set(res, named);
    if (pathname !== EXT_PAYMENT_PATH) return void answer(res, 404, { status: 404, code: "NOT_FOUND", message: "no such API" });
    if (req.method !== "POST") return void answer(res, 405, { status: 405, code: "METHOD_NOT_ALLOWED", message: "use POST" });

    if (latencyMs) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const text = body.toString("utf8");
    const parsedBody = parseJson(text);
    const fault = faults.shift() ?? chaosFault(chaos);
    const call: ReceivedCall = {
      at: new Date().toISOString(),
      method: req.method,
      path: pathWithQuery,
      headers: flatHeaders(req.headers),
      body: text,
      parsedBody,
      outTradeNo: outTradeNoOf(parsedBody),
      status: null,
      code: null,
      fault: fault?.fault ?? null,
    };
    received.push(call);
    if (received.length > MAX_RECEIVED) received.splice(0, received.length - MAX_RECEIVED);
    const refuse = (problem: Problem, headers?: Record<string, string>) => {
      call.code = problem.code;
      call.status = answer(res, problem.status, problem, { headers, badSignature: fault?.fault === "bad-signature", unsigned: fault?.fault === "unsigned-401" });
    };

    switch (fault?.fault) {
      case "timeout":
        held.add(res); // never answered: the client's timeout decides
        res.on("close", () => held.delete(res));
        return;
      case "reset":
        req.socket.destroy();
        return;
      case "500":
        return refuse({ status: 500, code: "SYSTEM_ERROR", message: "系统错误" });
      case "429":
        return refuse(
          { status: 429, code: "FREQUENCY_LIMITED", message: "频率超限" },
          fault.retryAfterSec === undefined ? undefined : { "Retry-After": String(fault.retryAfterSec) },
        );
      case "400":
        return refuse({ status: 400, code: "PARAM_ERROR", message: "wx_parking_lot_id 不存在" });
      case "bad-signature":
        return refuse({ status: 500, code: "SYSTEM_ERROR", message: "系统错误" });
      case "unsigned-401":
        return refuse({ status: 401, code: "SIGN_ERROR", message: "签名错误，请检查后再试" });
    }
    if (tooLarge) return refuse({ status: 400, code: "PARAM_ERROR", message: `body is larger than ${MAX_BODY_BYTES} bytes` });
    const problem = checkCall(options, { method: req.method, pathWithQuery, headers: req.headers, body });
    if (problem) return refuse(problem);
    const lot = (parsedBody as { wx_parking_lot_id?: unknown }).wx_parking_lot_id;
    if (typeof lot === "string" && unknownLots.has(lot)) {
      return refuse({ status: 400, code: "PARAM_ERROR", message: "wx_parking_lot_id 不存在" });
    }
    accepted.set(call.outTradeNo!, (accepted.get(call.outTradeNo!) ?? 0) + 1);
    call.status = answer(res, 204, undefined, { badSignature: fault?.fault === "unverified-204" });
  }

  function control(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, body: Buffer) {
    const json = (status: number, payload: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(payload));
    };
    const input = <T extends z.ZodType>(schema: T) => schema.safeParse(parseJson(body.toString("utf8") || "{}"));
    const route = `${req.method} ${pathname}`;
    if (route === "GET /__sim/received") return json(200, received);
    if (route === "GET /__sim/accepted") return json(200, Object.fromEntries(accepted));
    if (route === "GET /__sim/info") {
      return json(200, {
        platformKeyId: platform.serial,
        platformPublicKey: platform.publicKey.export({ type: "spki", format: "pem" }),
        mchid: options.mchid,
        merchantSerialNo: options.merchantSerialNo,
        latencyMs,
        queuedFaults: faults.map((entry) => entry.fault),
      });
    }
    if (route === "POST /__sim/reset") return (sim.reset(), json(200, { ok: true }));
    if (route === "POST /__sim/latency") {
      const parsed = input(latencyInput);
      if (!parsed.success) return json(400, { error: 'expected {"ms": <0..120000>}' });
      sim.setLatency(parsed.data.ms);
      return json(200, { ok: true, latencyMs });
    }
    if (route === "POST /__sim/faults") {
      const parsed = input(faultInput);
      if (!parsed.success) return json(400, { error: `expected {"fault": ${FAULTS.join("|")}, "count"?: n, "retryAfterSec"?: s}` });
      const { fault, count, retryAfterSec } = parsed.data;
      sim.inject(fault, count, retryAfterSec);
      return json(200, { ok: true, queuedFaults: faults.map((entry) => entry.fault) });
    }
    if (route === "POST /__sim/chaos") {
      const parsed = input(chaosInput);
      if (!parsed.success) return json(400, { error: `expected {"<${FAULTS.join("|")}>": <0..1>, …} adding up to at most 1` });
      sim.setChaos(parsed.data);
      return json(200, { ok: true, chaos });
    }
    if (route === "POST /__sim/unknown-lots") {
      const parsed = input(z.object({ ids: z.array(z.string().max(64)).max(1000) }));
      if (!parsed.success) return json(400, { error: 'expected {"ids": ["WX-LOT", …]}' });
      sim.setUnknownParkingLots(parsed.data.ids);
      return json(200, { ok: true });
    }
    return json(404, { error: `unknown control ${route}` });
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => {
      handle(req, res, Buffer.concat(chunks), size > MAX_BODY_BYTES).catch(() => {
        if (!res.headersSent) answer(res, 500, { status: 500, code: "SYSTEM_ERROR", message: "simulator error" });
      });
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(options.port ?? 0, host, resolve));
  const { port } = server.address() as AddressInfo;

  const sim: Simulator = {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    platformPublicKey: platform.publicKey,
    platformKeyId: platform.serial,
    received,
    acceptedCount: (outTradeNo) => accepted.get(outTradeNo) ?? 0,
    inject(fault, count = 1, retryAfterSec) {
      for (let i = 0; i < count; i++) faults.push({ fault, retryAfterSec });
    },
    setLatency(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError("latency must be >= 0 ms");
      latencyMs = ms;
    },
    setChaos(rates) {
      chaos = { ...rates };
    },
    setUnknownParkingLots(ids) {
      unknownLots.clear();
      for (const id of ids) unknownLots.add(id);
    },
    reset() {
      unknownLots.clear();
      received.length = 0;
      accepted.clear();
      faults.length = 0;
      chaos = {};
      latencyMs = options.latencyMs ?? 0;
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        for (const res of held) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
  return sim;
}

function chaosFault(rates: ChaosRates): { fault: Fault; retryAfterSec?: number } | undefined {
  let roll = Math.random();
  for (const [fault, rate] of Object.entries(rates) as [Fault, number][]) {
    if (roll < rate) return { fault };
    roll -= rate;
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function outTradeNoOf(body: unknown): string | null {
  const value = (body as { out_trade_no?: unknown } | null)?.out_trade_no;
  return typeof value === "string" ? value : null;
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, Array.isArray(value) ? value.join(", ") : value]])),
  );
}
