import net from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createExtPaymentClient } from "@/lib/wechatpay/client";
import { generateKeyPair } from "@/lib/wechatpay/keys";
import { startWechatPaySimulator, type Simulator } from "@/lib/wechatpay/simulator";

const merchant = generateKeyPair();
const body = '{"out_trade_no":"O1","fee_items":[{"fee_type":"EXT_PARKING_PAYMENT_FEE_TYPE_MONTHLY","amount":100}],"pay_time":1719128975}';
let sim: Simulator;
let config: Parameters<typeof createExtPaymentClient>[0];

beforeAll(async () => {
  sim = await startWechatPaySimulator({ mchid: "1900000001", merchantSerialNo: merchant.serial, merchantPublicKey: merchant.publicKey });
  config = {
    mchid: "1900000001",
    merchantSerialNo: merchant.serial,
    merchantPrivateKey: merchant.privateKey,
    wechatKeys: new Map([[sim.platformKeyId, sim.platformPublicKey]]),
    baseUrl: sim.url,
    backupBaseUrl: null,
  };
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

describe("ext-payment client against the simulator", () => {
  it("succeeds on a verified 204 and sends the exact body", async () => {
    const result = await createExtPaymentClient(config).post(body);
    expect(result).toMatchObject({ outcome: "SUCCESS", httpStatus: 204, signatureCheck: "verified", code: null });
    expect(sim.received[0].body).toBe(body);
    expect(sim.acceptedCount("O1")).toBe(1);
  });

  it("classifies by HTTP status: 400 permanent with WeChat's code and message, 500 and 429 transient", async () => {
    sim.inject("400");
    sim.inject("500");
    sim.inject("429", 1, 7);
    const client = createExtPaymentClient(config);
    expect(await client.post(body)).toMatchObject({ outcome: "PERMANENT", httpStatus: 400, code: "PARAM_ERROR", message: "wx_parking_lot_id 不存在" });
    expect(await client.post(body)).toMatchObject({ outcome: "TRANSIENT", httpStatus: 500, code: "SYSTEM_ERROR" });
    expect(await client.post(body)).toMatchObject({ outcome: "TRANSIENT", httpStatus: 429, retryAfterSec: 7 });
  });

  it("retries what it cannot trust: a timeout, a reset and a bad response signature", async () => {
    sim.inject("timeout");
    sim.inject("reset");
    sim.inject("bad-signature");
    const client = createExtPaymentClient(config, { timeoutMs: 300 });
    expect(await client.post(body)).toMatchObject({ outcome: "TRANSIENT", httpStatus: null, message: "no answer within 300 ms" });
    expect(await client.post(body)).toMatchObject({ outcome: "TRANSIENT", httpStatus: null, message: expect.stringMatching(/^network error/) });
    expect(await client.post(body)).toMatchObject({ outcome: "TRANSIENT", httpStatus: 204, signatureCheck: "signature mismatch" });
  });

  it("is refused with 401 SIGN_ERROR when signing with the wrong merchant key", async () => {
    const other = generateKeyPair();
    const result = await createExtPaymentClient({ ...config, merchantPrivateKey: other.privateKey }).post(body);
    expect(result).toMatchObject({ outcome: "PERMANENT", httpStatus: 401, code: "SIGN_ERROR", signatureCheck: "verified" });
    expect(sim.acceptedCount("O1")).toBe(0);
  });

  it("answers 400 PARAM_ERROR naming the field for a body WeChat would refuse", async () => {
    const result = await createExtPaymentClient(config).post('{"out_trade_no":"O1","fee_items":[],"pay_time":1}');
    expect(result).toMatchObject({ outcome: "PERMANENT", httpStatus: 400, code: "PARAM_ERROR", message: "fee_items must have at least one item" });
  });

  it("fails over to the backup host when the main one refuses connections", async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as net.AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const result = await createExtPaymentClient({ ...config, baseUrl: `http://127.0.0.1:${port}`, backupBaseUrl: sim.url }).post(body);
    expect(result).toMatchObject({ outcome: "SUCCESS", host: new URL(sim.url).host });
  });
});
