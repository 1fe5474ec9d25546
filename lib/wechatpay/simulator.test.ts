import { createPublicKey } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createExtPaymentClient, EXT_PAYMENT_PATH } from "@/lib/wechatpay/client";
import { generateMerchantKeys, generatePlatformKeys } from "@/lib/wechatpay/keys";
import { buildAuthorization, unixNow, verifyResponse } from "@/lib/wechatpay/signing";
import { startWechatPaySimulator, type Simulator } from "@/lib/wechatpay/simulator";
import { checkBody } from "@/lib/wechatpay/simulator-checks";
import { simulatorTarget, startSimulatorTarget } from "@/lib/wechatpay/simulator-mode";

const merchant = generateMerchantKeys();
const body = '{"out_trade_no":"S1","fee_items":[{"fee_type":"EXT_PARKING_PAYMENT_FEE_TYPE_QUARTERLY","amount":30000}],"pay_time":1719128975}';
let sim: Simulator;

beforeAll(async () => {
  sim = await startWechatPaySimulator({ mchid: "1900000001", merchantSerialNo: merchant.serial, merchantPublicKey: merchant.publicKey });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

/** A hand-made call, so each check can be broken on its own. */
async function call(overrides: { timestamp?: number; serialNo?: string; mchid?: string; headers?: Record<string, string>; text?: string } = {}) {
  const text = overrides.text ?? body;
  const authorization = buildAuthorization({
    mchid: overrides.mchid ?? "1900000001",
    serialNo: overrides.serialNo ?? merchant.serial,
    privateKey: merchant.privateKey,
    method: "POST",
    pathWithQuery: EXT_PAYMENT_PATH,
    body: text,
    timestamp: overrides.timestamp,
  });
  const response = await fetch(`${sim.url}${EXT_PAYMENT_PATH}`, {
    method: "POST",
    body: text,
    headers: { Authorization: authorization, Accept: "application/json", "Content-Type": "application/json", ...overrides.headers },
  });
  const answer = await response.text();
  const keys = new Map([[sim.platformKeyId, sim.platformPublicKey]]);
  return { status: response.status, json: answer ? JSON.parse(answer) : null, signature: verifyResponse({ headers: response.headers, body: answer, keys }) };
}

describe("the simulated ext-payment endpoint", () => {
  it("accepts a good call with a signed, empty 204", async () => {
    expect(await call()).toEqual({ status: 204, json: null, signature: "verified" });
    expect(sim.acceptedCount("S1")).toBe(1);
    expect(sim.received[0]).toMatchObject({ status: 204, code: null, fault: null, parsedBody: JSON.parse(body) });
  });

  it("answers 401 SIGN_ERROR, signed, for anything wrong with the signature", async () => {
    const cases = [
      { headers: { Authorization: "Bearer x" } },
      { mchid: "1900000002" },
      { serialNo: "0123ABCD" },
      { timestamp: unixNow() - 400 },
      { timestamp: unixNow() + 400 },
      { headers: { Authorization: buildAuthorization({ mchid: "1900000001", serialNo: merchant.serial, privateKey: generateMerchantKeys().privateKey, method: "POST", pathWithQuery: EXT_PAYMENT_PATH, body }) } },
    ];
    for (const overrides of cases) {
      const answer = await call(overrides);
      expect(answer, JSON.stringify(overrides).slice(0, 80)).toMatchObject({ status: 401, json: { code: "SIGN_ERROR" }, signature: "verified" });
    }
    expect((await call({ timestamp: unixNow() - 400 })).json.message).toBe("timestamp is more than 5 minutes off");
    expect(sim.acceptedCount("S1")).toBe(0);
  });

  it("wants JSON in and out", async () => {
    expect(await call({ headers: { "Content-Type": "text/plain" } })).toMatchObject({ status: 400, json: { code: "INVALID_REQUEST" } });
    expect(await call({ headers: { Accept: "text/html" } })).toMatchObject({ status: 406, json: { code: "INVALID_REQUEST" } });
    expect(await call({ headers: { "Content-Type": "application/json; charset=utf-8" } })).toMatchObject({ status: 204 });
  });

  it("checks the body against the field table, naming the field", async () => {
    expect(await call({ text: '{"out_trade_no":"S1"' })).toMatchObject({ status: 400, json: { code: "PARAM_ERROR", message: "body is not valid JSON" } });
    const fee = (item: unknown) => JSON.stringify({ out_trade_no: "S1", fee_items: [item], pay_time: 1 });
    const cases: [string, string][] = [
      ["[]", "body must be a JSON object"],
      ['{"fee_items":[],"pay_time":1}', "out_trade_no must be a string of 1-64 characters"],
      [JSON.stringify({ out_trade_no: "X".repeat(65), fee_items: [], pay_time: 1 }), "out_trade_no must be a string of 1-64 characters"],
      ['{"out_trade_no":"S1","pay_time":1}', "fee_items must have at least one item"],
      [fee({ fee_type: "EXT_PARKING_PAYMENT_FEE_TYPE_DAILY", amount: 1 }), "fee_items[0].fee_type is not a supported fee type"],
      [fee({ fee_type: "EXT_PARKING_PAYMENT_FEE_TYPE_MONTHLY", amount: 0 }), "fee_items[0].amount must be a positive integer (fen)"],
      [fee({ fee_type: "EXT_PARKING_PAYMENT_FEE_TYPE_MONTHLY", amount: "100" }), "fee_items[0].amount must be a positive integer (fen)"],
      [fee({ fee_type: "EXT_PARKING_PAYMENT_FEE_TYPE_MONTHLY", amount: 1.5 }), "fee_items[0].amount must be a positive integer (fen)"],
      [fee("MONTHLY"), "fee_items[0] must be an object"],
      [body.replace("1719128975", "1719128975.5"), "pay_time must be a unix time in seconds"],
      [body.replace("1719128975", '"1719128975"'), "pay_time must be a unix time in seconds"],
      [JSON.stringify({ ...JSON.parse(body), wx_trade_no: "" }), "wx_trade_no must be a string of 1-64 characters"],
      [JSON.stringify({ ...JSON.parse(body), wx_parking_lot_id: "L".repeat(65) }), "wx_parking_lot_id must be a string of 1-64 characters"],
      [JSON.stringify({ ...JSON.parse(body), amount: 1 }), "amount is not a field of this API"],
    ];
    for (const [text, message] of cases) expect(checkBody(text), text).toEqual({ status: 400, code: "PARAM_ERROR", message });
    expect(checkBody(JSON.stringify({ ...JSON.parse(body), wx_parking_lot_id: "L", wx_trade_no: "4200001" }))).toBeNull();
    expect(await call({ text: cases[5][0] })).toMatchObject({ status: 400, json: { message: cases[5][1] }, signature: "verified" });
  });

  it("counts acceptances per out_trade_no, duplicates included", async () => {
    await call();
    await call();
    await call({ text: body.replace("S1", "S2") });
    expect([sim.acceptedCount("S1"), sim.acceptedCount("S2"), sim.acceptedCount("S3")]).toEqual([2, 1, 0]);
  });

  it("runs queued faults in order, then behaves again", async () => {
    sim.inject("500", 2);
    sim.inject("429", 1, 3);
    expect((await call()).status).toBe(500);
    expect((await call()).status).toBe(500);
    expect((await call()).status).toBe(429);
    expect((await call()).status).toBe(204);
    expect(sim.received.map((entry) => entry.fault)).toEqual(["500", "500", "429", null]);
  });

  it("misbehaves at the chaos rates, after queued faults, until reset", async () => {
    sim.setChaos({ "500": 0.5, "429": 0.5 });
    sim.inject("400");
    const statuses = [];
    for (let i = 0; i < 20; i++) statuses.push((await call()).status);
    expect(statuses[0]).toBe(400);
    expect(new Set(statuses.slice(1))).toEqual(new Set([500, 429]));
    sim.reset();
    expect((await call()).status).toBe(204);
  });

  it("adds latency when told", async () => {
    sim.setLatency(150);
    const started = Date.now();
    await call();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe("the control API", () => {
  const control = async (method: string, path: string, payload?: unknown) => {
    const response = await fetch(`${sim.url}/__sim/${path}`, { method, body: payload === undefined ? undefined : JSON.stringify(payload) });
    return { status: response.status, json: await response.json() };
  };

  it("queues faults, sets latency, lists calls and acceptances, and resets", async () => {
    expect(await control("POST", "faults", { fault: "429", count: 2, retryAfterSec: 9 })).toMatchObject({ status: 200, json: { queuedFaults: ["429", "429"] } });
    const client = createExtPaymentClient(simulatorTarget(sim, merchant));
    expect(await client.post(body)).toMatchObject({ httpStatus: 429, retryAfterSec: 9 });
    expect(await control("POST", "latency", { ms: 5 })).toMatchObject({ status: 200, json: { latencyMs: 5 } });
    expect(await control("POST", "chaos", { "500": 0 })).toMatchObject({ status: 200, json: { chaos: { "500": 0 } } });
    await client.post(body);
    await client.post(body);

    const received = await control("GET", "received");
    expect(received.json.map((entry: { status: number }) => entry.status)).toEqual([429, 429, 204]);
    expect(received.json[2]).toMatchObject({ body, outTradeNo: "S1", parsedBody: JSON.parse(body) });
    expect((await control("GET", "accepted")).json).toEqual({ S1: 1 });

    expect(await control("POST", "reset")).toMatchObject({ status: 200 });
    expect((await control("GET", "received")).json).toEqual([]);
    expect((await control("GET", "info")).json).toMatchObject({ latencyMs: 0, queuedFaults: [] });
  });

  it("hands out the platform key for other processes", async () => {
    const { json } = await control("GET", "info");
    expect(json).toMatchObject({ platformKeyId: sim.platformKeyId, mchid: "1900000001", merchantSerialNo: merchant.serial });
    expect(createPublicKey(json.platformPublicKey).equals(sim.platformPublicKey)).toBe(true);
  });

  it("refuses a control call it does not understand", async () => {
    expect(await control("POST", "faults", { fault: "503" })).toMatchObject({ status: 400 });
    expect(await control("POST", "faults", { fault: "500", count: 0 })).toMatchObject({ status: 400 });
    expect(await control("POST", "latency", { ms: -1 })).toMatchObject({ status: 400 });
    expect(await control("POST", "chaos", { "500": 0.7, timeout: 0.7 })).toMatchObject({ status: 400 });
    expect(await control("POST", "chaos", { "503": 0.1 })).toMatchObject({ status: 400 });
    expect(await control("GET", "nothing")).toMatchObject({ status: 404 });
    expect(sim.received).toHaveLength(0);
  });
});

describe("simulator lifecycle", () => {
  it("closes promptly even while holding a call open", async () => {
    const { simulator, target } = await startSimulatorTarget();
    simulator.inject("timeout");
    const pending = createExtPaymentClient(target, { timeoutMs: 20_000 }).post(body);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await simulator.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await pending).toMatchObject({ outcome: "TRANSIENT", httpStatus: null, error: expect.stringMatching(/^network error/) });
    await simulator.close(); // twice is fine
  });

  it("keeps its platform key across restarts when given one", async () => {
    const platformKeys = generatePlatformKeys();
    const again = await startWechatPaySimulator({ mchid: "1", merchantSerialNo: "AB", merchantPublicKey: merchant.publicKey, platformKeys });
    expect(again.platformKeyId).toBe(platformKeys.serial);
    expect(again.platformPublicKey.equals(platformKeys.publicKey)).toBe(true);
    await again.close();
  });

  it("in simulator mode, the client just works", async () => {
    const { simulator, target } = await startSimulatorTarget();
    expect(await createExtPaymentClient(target).post(body)).toMatchObject({ outcome: "SUCCESS", signatureCheck: "verified" });
    expect(simulator.acceptedCount("S1")).toBe(1);
    await simulator.close();
  });
});

describe("a simulator holding several WeChat keys", () => {
  it("signs each answer with the key the request's Wechatpay-Serial names, else with its main key, as WeChat does", async () => {
    const publicKey = generatePlatformKeys();
    const certificate = { ...generatePlatformKeys(), serial: "5157F09EFDC096DE15EBE81A47057A7232F1B8E1" };
    const several = await startWechatPaySimulator({ mchid: "1900000001", merchantSerialNo: merchant.serial, merchantPublicKey: merchant.publicKey, platformKeys: publicKey, otherPlatformKeys: [certificate] });
    try {
      const keys = new Map([[publicKey.serial, publicKey.publicKey], [certificate.serial, certificate.publicKey]]);
      const post = async (serial: string | null, out: string) => {
        const text = body.replace("S1", out);
        const authorization = buildAuthorization({ mchid: "1900000001", serialNo: merchant.serial, privateKey: merchant.privateKey, method: "POST", pathWithQuery: EXT_PAYMENT_PATH, body: text });
        const response = await fetch(`${several.url}${EXT_PAYMENT_PATH}`, {
          method: "POST",
          body: text,
          headers: { Authorization: authorization, Accept: "application/json", "Content-Type": "application/json", ...(serial ? { "Wechatpay-Serial": serial } : {}) },
        });
        const answer = await response.text();
        return { status: response.status, serial: response.headers.get("wechatpay-serial"), signature: verifyResponse({ headers: response.headers, body: answer, keys }) };
      };
      expect(await post(certificate.serial, "S2")).toEqual({ status: 204, serial: certificate.serial, signature: "verified" });
      expect(await post(publicKey.serial, "S3")).toEqual({ status: 204, serial: publicKey.serial, signature: "verified" });
      expect(await post(null, "S4")).toEqual({ status: 204, serial: publicKey.serial, signature: "verified" });
      expect(await post("UNKNOWN", "S5")).toEqual({ status: 204, serial: publicKey.serial, signature: "verified" });
    } finally {
      await several.close();
    }
  });
});
