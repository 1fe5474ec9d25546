// No WECHATPAY_* configured: a private simulator in this process with keys made up on the spot,
// so the whole flow runs without WeChat. The client cannot tell: it is just another base URL
// and another trusted platform key.
import type { ExtPaymentTarget } from "@/lib/wechatpay/client";
import { generateMerchantKeys, type KeyPair } from "@/lib/wechatpay/keys";
import { startWechatPaySimulator, type Simulator } from "@/lib/wechatpay/simulator";

export const SIMULATOR_MCHID = "1900000001";

export function simulatorTarget(
  simulator: Pick<Simulator, "url" | "platformKeyId" | "platformPublicKey">,
  merchant: KeyPair,
  mchid = SIMULATOR_MCHID,
): ExtPaymentTarget {
  return {
    mchid,
    merchantSerialNo: merchant.serial,
    merchantPrivateKey: merchant.privateKey,
    wechatKeys: new Map([[simulator.platformKeyId, simulator.platformPublicKey]]),
    wechatpaySerial: simulator.platformKeyId,
    baseUrl: simulator.url,
    backupBaseUrl: null,
  };
}

export async function startSimulatorTarget(options: { port?: number; latencyMs?: number } = {}) {
  const merchant = generateMerchantKeys();
  const simulator = await startWechatPaySimulator({
    mchid: SIMULATOR_MCHID,
    merchantSerialNo: merchant.serial,
    merchantPublicKey: merchant.publicKey,
    ...options,
  });
  return { simulator, target: simulatorTarget(simulator, merchant) };
}
