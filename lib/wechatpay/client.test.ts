import net from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { classify, createExtPaymentClient, parseRetryAfter, type ExtPaymentTarget } from "@/lib/wechatpay/client";
import { generateKeyPair, generatePlatformKeys } from "@/lib/wechatpay/keys";
import { signResponse } from "@/lib/wechatpay/signing";
import { startWechatPaySimulator, type Simulator } from "@/lib/wechatpay/simulator";
import { simulatorTarget } from "@/lib/wechatpay/simulator-mode";

const merchant = generateKeyPair();
const platform = generatePlatformKeys();
const body = '{"out_trade_no":"O1","fee_items":[{"fee_type":"EXT_PARKING_PAYMENT_FEE_TYPE_MONTHLY","amount":100}],"pay_time":1719128975}';
let sim: Simulator;
let target: ExtPaymentTarget;

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  sim = await startWechatPaySimulator({ mchid: "1900000001", merchantSerialNo: merchant.serial, merchantPublicKey: merchant.publicKey, platformKeys: platform });
  target = simulatorTarget(sim, merchant);
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

describe("ext-payment client against the simulator", () => {
  it("succeeds on a verified 204 and sends the exact body, signed, with the JSON headers", async () => {
    const result = await createExtPaymentClient(target).post(body);
    expect(result).toMatchObject({
      outcome: "SUCCESS",
      host: new URL(sim.url).host,
      httpStatus: 204,
      signatureCheck: "verified",
      code: null,
      message: null,
      responseBody: null,
      retryAfterSec: null,
    });
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.error).toBeUndefined();
    expect(sim.received).toHaveLength(1);
    expect(sim.received[0]).toMatchObject({ body, path: "/v3/parking/reminders/ext-payment", status: 204, outTradeNo: "O1" });
    expect(sim.received[0].headers).toMatchObject({
      "content-type": "application/json",
      accept: "application/json",
      "wechatpay-serial": sim.platformKeyId,
      "user-agent": expect.stringMatching(/^parking-sync-console\/\S+ \(\w+\/\w+\) Node\.js\//),
    });
    expect(sim.received[0].headers.authorization).toMatch(/^WECHATPAY2-SHA256-RSA2048 mchid="1900000001",/);
    expect(sim.acceptedCount("O1")).toBe(1);
  });

  it("signs each attempt afresh (new nonce) over the same bytes", async () => {
    const client = createExtPaymentClient(target);
    await client.post(body);
    await client.post(body);
    const [first, second] = sim.received;
    expect(second.body).toBe(first.body);
    expect(second.headers.authorization).not.toBe(first.headers.authorization);
    expect(sim.acceptedCount("O1")).toBe(2);
  });

  it("classifies a verified 400 as permanent, with WeChat's code and message", async () => {
    sim.inject("400");
    expect(await createExtPaymentClient(target).post(body)).toMatchObject({
      outcome: "PERMANENT",
      httpStatus: 400,
      code: "PARAM_ERROR",
      message: "wx_parking_lot_id 不存在",
      responseBody: '{"code":"PARAM_ERROR","message":"wx_parking_lot_id 不存在"}',
      signatureCheck: "verified",
    });
    expect(sim.acceptedCount("O1")).toBe(0);
  });

  it("classifies 500 and 429 as transient, with Retry-After when given", async () => {
    sim.inject("500");
    sim.inject("429", 1, 7);
    sim.inject("429");
    const client = createExtPaymentClient(target);
    expect(await client.post(body)).toMatchObject({ outcome: "TRANSIENT", httpStatus: 500, code: "SYSTEM_ERROR", signatureCheck: "verified" });
    expect(await client.post(body)).toMatchObject({ outcome: "TRANSIENT", httpStatus: 429, code: "FREQUENCY_LIMITED", retryAfterSec: 7 });
    expect(await client.post(body)).toMatchObject({ outcome: "TRANSIENT", httpStatus: 429, retryAfterSec: null });
  });

  it("gives up on a call after timeoutMs: transient, no status", async () => {
    sim.inject("timeout");
    const result = await createExtPaymentClient(target, { timeoutMs: 300 }).post(body);
    expect(result).toMatchObject({
      outcome: "TRANSIENT",
      httpStatus: null,
      signatureCheck: null,
      error: "no answer within 300 ms",
      message: "no answer within 300 ms",
    });
    expect(result.durationMs).toBeGreaterThanOrEqual(290);
    expect(result.durationMs).toBeLessThan(5_000);
  });

  it("treats a reset connection as transient", async () => {
    sim.inject("reset");
    const result = await createExtPaymentClient(target).post(body);
    expect(result).toMatchObject({ outcome: "TRANSIENT", httpStatus: null, error: expect.stringMatching(/^network error/) });
  });

  it("does not trust an error answer whose signature fails: transient", async () => {
    sim.inject("bad-signature");
    const result = await createExtPaymentClient(target).post(body);
    expect(result).toMatchObject({ outcome: "TRANSIENT", httpStatus: 500, code: "SYSTEM_ERROR", signatureCheck: "signature mismatch" });
    expect(sim.acceptedCount("O1")).toBe(0);
  });

  it("calls a 204 it cannot verify accepted-unverified: it most likely landed", async () => {
    sim.inject("unverified-204");
    const result = await createExtPaymentClient(target).post(body);
    expect(result).toMatchObject({ outcome: "UNVERIFIED", httpStatus: 204, signatureCheck: "signature mismatch" });
    expect(sim.acceptedCount("O1")).toBe(1);
  });

  it("knows an unsigned 401 with WeChat's error body from a signed one", async () => {
    sim.inject("unsigned-401");
    const result = await createExtPaymentClient(target).post(body);
    expect(result).toMatchObject({ outcome: "UNSIGNED_REJECTION", httpStatus: 401, code: "SIGN_ERROR", message: "签名错误，请检查后再试", signatureCheck: "unsigned" });
    expect(sim.acceptedCount("O1")).toBe(0);
  });

  it("does not trust answers signed by a key it was not given", async () => {
    const result = await createExtPaymentClient({ ...target, wechatKeys: new Map([["PUB_KEY_ID_OTHER", merchant.publicKey]]) }).post(body);
    expect(result).toMatchObject({ outcome: "UNVERIFIED", httpStatus: 204, signatureCheck: `unknown serial ${sim.platformKeyId}` });
  });

  it("verifies answers signed by a second, newer platform certificate (rotation)", async () => {
    const renewed = generateKeyPair();
    const wechat: typeof fetch = async () => new Response(null, { status: 204, headers: signResponse(renewed.privateKey, "RENEWED-SERIAL", "") });
    const both = { ...target, wechatKeys: new Map([...target.wechatKeys, ["RENEWED-SERIAL", renewed.publicKey]]) };
    expect(await createExtPaymentClient(both, { fetch: wechat }).post(body)).toMatchObject({ outcome: "SUCCESS", signatureCheck: "verified" });
    expect(await createExtPaymentClient(target, { fetch: wechat }).post(body)).toMatchObject({ outcome: "UNVERIFIED", signatureCheck: "unknown serial RENEWED-SERIAL" });
  });

  it("is refused with 401 SIGN_ERROR, permanently, when signing with the wrong merchant key", async () => {
    const other = generateKeyPair();
    const result = await createExtPaymentClient({ ...target, merchantPrivateKey: other.privateKey }).post(body);
    expect(result).toMatchObject({ outcome: "PERMANENT", httpStatus: 401, code: "SIGN_ERROR", signatureCheck: "verified" });
    expect(sim.acceptedCount("O1")).toBe(0);
  });

  it("gets 400 PARAM_ERROR naming the field for a body WeChat would refuse", async () => {
    const result = await createExtPaymentClient(target).post('{"out_trade_no":"O1","fee_items":[],"pay_time":1}');
    expect(result).toMatchObject({ outcome: "PERMANENT", httpStatus: 400, code: "PARAM_ERROR", message: "fee_items must have at least one item" });
  });

  it("fails over to the backup host when the main one refuses connections", async () => {
    const port = await closedPort();
    const result = await createExtPaymentClient({ ...target, baseUrl: `http://127.0.0.1:${port}`, backupBaseUrl: sim.url }).post(body);
    expect(result).toMatchObject({ outcome: "SUCCESS", host: new URL(sim.url).host, signatureCheck: "verified" });
    expect(result.failedOverFrom).toEqual({ host: `127.0.0.1:${port}`, error: expect.stringMatching(/ECONNREFUSED/) });
    expect(sim.acceptedCount("O1")).toBe(1);
  });

  it("fails over on a timeout too, sending the same bytes", async () => {
    sim.inject("timeout");
    const result = await createExtPaymentClient({ ...target, backupBaseUrl: sim.url }, { timeoutMs: 300 }).post(body);
    expect(result).toMatchObject({ outcome: "SUCCESS", failedOverFrom: { error: "no answer within 300 ms" } });
    expect(sim.received.map((call) => call.body)).toEqual([body, body]);
  });

  it("does not fail over once the main host has answered", async () => {
    sim.inject("500");
    const port = await closedPort();
    const result = await createExtPaymentClient({ ...target, backupBaseUrl: `http://127.0.0.1:${port}` }).post(body);
    expect(result).toMatchObject({ outcome: "TRANSIENT", httpStatus: 500, host: new URL(sim.url).host });
    expect(result.failedOverFrom).toBeUndefined();
  });

  it("reports a failed failover as transient with both errors", async () => {
    const [a, b] = [await closedPort(), await closedPort()];
    const result = await createExtPaymentClient({ ...target, baseUrl: `http://127.0.0.1:${a}`, backupBaseUrl: `http://127.0.0.1:${b}` }).post(body);
    expect(result).toMatchObject({ outcome: "TRANSIENT", httpStatus: null, host: `127.0.0.1:${b}`, error: expect.stringMatching(/ECONNREFUSED/) });
    expect(result.failedOverFrom?.host).toBe(`127.0.0.1:${a}`);
  });
});

describe("classification", () => {
  it("goes by HTTP status once the answer is verified", () => {
    expect(classify(204, "verified")).toBe("SUCCESS");
    expect(classify(200, "verified")).toBe("SUCCESS");
    for (const status of [400, 401, 403, 404, 409]) expect(classify(status, "verified")).toBe("PERMANENT");
    for (const status of [408, 429, 500, 502, 503, 504]) expect(classify(status, "verified")).toBe("TRANSIENT");
    for (const status of [301, 302, 307]) expect(classify(status, "verified")).toBe("TRANSIENT");
  });

  it("never takes an unverified answer as final: a 2xx waits for an operator, anything else is retried", () => {
    for (const status of [204, 200]) expect(classify(status, "signature mismatch")).toBe("UNVERIFIED");
    for (const status of [400, 401, 404, 500]) expect(classify(status, "signature mismatch", true)).toBe("TRANSIENT");
    // Unsigned with WeChat's error body: retried a few times only; 408/429/5xx stay transient.
    for (const status of [400, 401, 403, 404]) expect(classify(status, "unsigned", true)).toBe("UNSIGNED_REJECTION");
    for (const status of [408, 429, 500]) expect(classify(status, "unsigned", true)).toBe("TRANSIENT");
    expect(classify(401, "missing Wechatpay-Signature header", true)).toBe("TRANSIENT"); // partly signed: tampered
    expect(classify(401, "unsigned", false)).toBe("TRANSIENT");
  });

  it("treats an unsigned answer without WeChat's error body (a proxy's error page, say) as transient", async () => {
    const proxy: typeof fetch = async () => new Response("<html>Forbidden</html>", { status: 403 });
    const result = await createExtPaymentClient(target, { fetch: proxy }).post(body);
    expect(result).toMatchObject({ outcome: "TRANSIENT", httpStatus: 403, signatureCheck: "unsigned", code: null });
  });

  it("accepts a verified 200 with a body (the API promises 204; a signed 2xx is still WeChat saying yes)", async () => {
    const text = '{"note":"ok"}';
    const wechat: typeof fetch = async () => new Response(text, { status: 200, headers: signResponse(platform.privateKey, platform.serial, text) });
    expect(await createExtPaymentClient(target, { fetch: wechat }).post(body)).toMatchObject({ outcome: "SUCCESS", httpStatus: 200, responseBody: text });
  });

  it("reads both forms of Retry-After", () => {
    expect(parseRetryAfter("120")).toBe(120);
    expect(parseRetryAfter(new Date(Date.now() + 30_000).toUTCString())).toBeGreaterThanOrEqual(29);
    expect(parseRetryAfter("soon")).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });

  it("refuses a timeout it could not honour", () => {
    expect(() => createExtPaymentClient(target, { timeoutMs: 0 })).toThrow(RangeError);
    expect(() => createExtPaymentClient(target, { timeoutMs: 60_000 })).toThrow(RangeError);
  });
});
