// npm run wechatpay:sim [-- --port 3900] — WeChat Pay's ext-payment endpoint, locally, over HTTP.
// Writes a fresh merchant key and the simulator's platform public key under .data/wechatpay-sim/
// and prints the WECHATPAY_* lines that point the console at it.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateKeyPair } from "../lib/wechatpay/keys";
import { startWechatPaySimulator } from "../lib/wechatpay/simulator";

const { values } = parseArgs({ options: { port: { type: "string", default: "3900" }, latency: { type: "string", default: "0" } } });
const dir = path.resolve(".data", "wechatpay-sim");
fs.mkdirSync(dir, { recursive: true });

const mchid = "1900000001";
const merchant = generateKeyPair();
const simulator = await startWechatPaySimulator({
  mchid,
  merchantSerialNo: merchant.serial,
  merchantPublicKey: merchant.publicKey,
  port: Number(values.port),
  latencyMs: Number(values.latency),
});
const merchantKeyFile = path.join(dir, "merchant-private-key.pem");
const platformKeyFile = path.join(dir, "wechatpay-public-key.pem");
fs.writeFileSync(merchantKeyFile, merchant.privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
fs.writeFileSync(platformKeyFile, simulator.platformPublicKey.export({ type: "spki", format: "pem" }));

console.log(`WeChat Pay simulator listening on ${simulator.url}

Point the console at it (environment or .env):
WECHATPAY_BASE_URL=${simulator.url}
WECHATPAY_MCHID=${mchid}
WECHATPAY_MERCHANT_SERIAL_NO=${merchant.serial}
WECHATPAY_MERCHANT_PRIVATE_KEY=${merchantKeyFile}
WECHATPAY_PUBLIC_KEY_ID=${simulator.platformKeyId}
WECHATPAY_PUBLIC_KEY=${platformKeyFile}

Control: curl -XPOST ${simulator.url}/__sim/faults -d '{"fault":"500","count":3}'   (500, 429, 400, timeout, bad-signature, reset)
         curl -XPOST ${simulator.url}/__sim/latency -d '{"ms":50}'
         curl ${simulator.url}/__sim/received
Keys are new on every start: restart the console after restarting the simulator.`);

const stop = async () => {
  await simulator.close();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
