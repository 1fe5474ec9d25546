// The WeChat Pay stand-in for the fault suite: the project's simulator in this process, reached by
// the app over HTTP as if it were WeChat (WECHATPAY_* point at it). An outage closes it for real
// (connections refused) and brings it back on the same port with the same platform key.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateMerchantKeys, generatePlatformKeys } from "@/lib/wechatpay/keys";
import { startWechatPaySimulator, type ReceivedCall, type Simulator } from "@/lib/wechatpay/simulator";

const MCHID = "1900000001";

export type WechatStandIn = {
  env: Record<string, string>;
  sim(): Simulator;
  /** Every call received, across restarts. */
  calls(): ReceivedCall[];
  outage(ms: number): Promise<void>;
  close(): Promise<void>;
};

export async function startWechatStandIn(): Promise<WechatStandIn> {
  const merchant = generateMerchantKeys();
  const platformKeys = generatePlatformKeys();
  const start = (port?: number) =>
    startWechatPaySimulator({ mchid: MCHID, merchantSerialNo: merchant.serial, merchantPublicKey: merchant.publicKey, platformKeys, port });
  let sim = await start();
  const port = Number(new URL(sim.url).port);
  const earlier: ReceivedCall[] = [];

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "console-faults-wx-"));
  const keyFile = path.join(dir, "merchant-private-key.pem");
  const publicKeyFile = path.join(dir, "wechatpay-public-key.pem");
  fs.writeFileSync(keyFile, merchant.privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
  fs.writeFileSync(publicKeyFile, platformKeys.publicKey.export({ type: "spki", format: "pem" }));

  return {
    env: {
      WECHATPAY_BASE_URL: sim.url,
      WECHATPAY_MCHID: MCHID,
      WECHATPAY_MERCHANT_SERIAL_NO: merchant.serial,
      WECHATPAY_MERCHANT_PRIVATE_KEY: keyFile,
      WECHATPAY_PUBLIC_KEY_ID: platformKeys.serial,
      WECHATPAY_PUBLIC_KEY: publicKeyFile,
    },
    sim: () => sim,
    calls: () => [...earlier, ...sim.received],
    async outage(ms) {
      earlier.push(...sim.received);
      await sim.close();
      await new Promise((resolve) => setTimeout(resolve, ms));
      sim = await start(port);
    },
    async close() {
      await sim.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Per out_trade_no: how many calls WeChat accepted with an answer that verifies. */
export function deliveries(calls: ReceivedCall[]): Map<string, { verified: number }> {
  const byTrade = new Map<string, { verified: number }>();
  for (const call of calls) {
    if (!call.outTradeNo) continue;
    const entry = byTrade.get(call.outTradeNo) ?? { verified: 0 };
    if (call.status === 204 && call.fault !== "bad-signature") entry.verified += 1;
    byTrade.set(call.outTradeNo, entry);
  }
  return byTrade;
}
