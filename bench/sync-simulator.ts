// Child process of bench/sync-drain.ts: the WeChat Pay simulator on its own, so the worker's CPU
// figure is the worker's alone (the simulator verifies and signs with RSA too). Prints one JSON
// line ({url, platformKeyId, platformPublicKey}) when listening; exits when stdin closes.
// argv: <mchid> <merchant serial> <latency ms>; the merchant's public key PEM comes on stdin's first line (\n escaped).
import { createPublicKey } from "node:crypto";
import readline from "node:readline";
import { startWechatPaySimulator } from "../lib/wechatpay/simulator";

const [mchid, merchantSerialNo, latencyArg] = process.argv.slice(2);
const lines = readline.createInterface({ input: process.stdin });
const iterator = lines[Symbol.asyncIterator]();
const first = await iterator.next();
const merchantPublicKey = createPublicKey(String(first.value).replace(/\\n/g, "\n"));
const simulator = await startWechatPaySimulator({ mchid, merchantSerialNo, merchantPublicKey, latencyMs: Number(latencyArg) });
console.log(
  JSON.stringify({
    url: simulator.url,
    platformKeyId: simulator.platformKeyId,
    platformPublicKey: simulator.platformPublicKey.export({ type: "spki", format: "pem" }),
  }),
);
lines.on("close", () => void simulator.close().then(() => process.exit(0)));
