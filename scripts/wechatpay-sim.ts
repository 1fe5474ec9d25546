// npm run wechatpay:sim [-- --port 3900] — WeChat Pay's ext-payment endpoint, locally, over HTTP.
// Keeps a merchant key and its platform key under .data/wechatpay-sim/ (so the WECHATPAY_* lines
// it prints stay valid across restarts; --fresh makes new ones) and prints those lines.
import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateMerchantKeys, generatePlatformKeys, type KeyPair } from "../lib/wechatpay/keys";
import { FAULTS, startWechatPaySimulator } from "../lib/wechatpay/simulator";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3900" },
    host: { type: "string", default: "127.0.0.1" },
    latency: { type: "string", default: "0" },
    mchid: { type: "string", default: "1900000001" },
    "merchant-public-key": { type: "string" },
    "merchant-serial-no": { type: "string" },
    dir: { type: "string", default: path.join(".data", "wechatpay-sim") },
    fresh: { type: "boolean", default: false },
    help: { type: "boolean", short: "h" },
  },
});

if (values.help) {
  console.log(
    "Usage: npm run wechatpay:sim -- [--port 3900] [--host 127.0.0.1] [--latency MS] [--mchid 1900000001]\n" +
      "         [--merchant-public-key FILE --merchant-serial-no HEX] [--dir .data/wechatpay-sim] [--fresh]\n" +
      "Without --merchant-public-key it makes (once) a merchant key pair and keeps it in --dir, with the\n" +
      "simulator's platform key, so the printed WECHATPAY_* lines keep working. --fresh replaces both.",
  );
  process.exit(0);
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const port = Number(values.port);
const latencyMs = Number(values.latency);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port ${values.port}: not a port number.`);
if (!Number.isInteger(latencyMs) || latencyMs < 0) fail(`--latency ${values.latency}: not a number of milliseconds.`);
const dir = path.resolve(values.dir);
fs.mkdirSync(dir, { recursive: true, mode: 0o700 });

/** A key pair kept as <name>-private-key.pem + <name>-serial.txt, made when missing (or --fresh). */
function keptKeyPair(name: string, generate: () => KeyPair): KeyPair {
  const keyFile = path.join(dir, `${name}-private-key.pem`);
  const serialFile = path.join(dir, `${name}-serial.txt`);
  if (!values.fresh && fs.existsSync(keyFile) && fs.existsSync(serialFile)) {
    const privateKey = createPrivateKey(fs.readFileSync(keyFile, "utf8"));
    return { privateKey, publicKey: createPublicKey(privateKey), serial: fs.readFileSync(serialFile, "utf8").trim() };
  }
  const pair = generate();
  fs.writeFileSync(keyFile, pair.privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
  fs.writeFileSync(serialFile, `${pair.serial}\n`);
  return pair;
}

let merchantPublicKey: KeyObject;
let merchantSerialNo: string;
let merchantKeyLine: string;
if (values["merchant-public-key"]) {
  if (!values["merchant-serial-no"]) fail("--merchant-public-key needs --merchant-serial-no (the serial the console signs with).");
  try {
    merchantPublicKey = createPublicKey(fs.readFileSync(values["merchant-public-key"], "utf8"));
  } catch {
    fail(`--merchant-public-key ${values["merchant-public-key"]}: not a readable PEM public key or certificate.`);
  }
  merchantSerialNo = values["merchant-serial-no"];
  merchantKeyLine = "<the private key that goes with --merchant-public-key: PEM text or a file path>";
} else {
  const merchant = keptKeyPair("merchant", generateMerchantKeys);
  merchantPublicKey = merchant.publicKey;
  merchantSerialNo = merchant.serial;
  merchantKeyLine = path.join(dir, "merchant-private-key.pem");
}

const platformKeys = keptKeyPair("platform", generatePlatformKeys);
const platformPublicKeyFile = path.join(dir, "wechatpay-public-key.pem");
fs.writeFileSync(platformPublicKeyFile, platformKeys.publicKey.export({ type: "spki", format: "pem" }));

const simulator = await startWechatPaySimulator({
  mchid: values.mchid,
  merchantSerialNo,
  merchantPublicKey,
  platformKeys,
  port,
  host: values.host,
  latencyMs,
}).catch((error: NodeJS.ErrnoException) =>
  fail(error.code === "EADDRINUSE" ? `Port ${port} is in use: try --port ${port + 1}.` : `Cannot start: ${error.message}`),
);

console.log(`WeChat Pay simulator listening on ${simulator.url} (merchant ${values.mchid})

Point the console at it (environment or .env), then restart the console:
WECHATPAY_BASE_URL=${simulator.url}
WECHATPAY_MCHID=${values.mchid}
WECHATPAY_MERCHANT_SERIAL_NO=${merchantSerialNo}
WECHATPAY_MERCHANT_PRIVATE_KEY=${merchantKeyLine}
WECHATPAY_PUBLIC_KEY_ID=${simulator.platformKeyId}
WECHATPAY_PUBLIC_KEY=${platformPublicKeyFile}

Control (the next N calls misbehave: ${FAULTS.join(", ")}):
  curl -XPOST ${simulator.url}/__sim/faults -d '{"fault":"500","count":3}'
  curl -XPOST ${simulator.url}/__sim/faults -d '{"fault":"429","retryAfterSec":30}'
  curl -XPOST ${simulator.url}/__sim/latency -d '{"ms":200}'
  curl ${simulator.url}/__sim/received     curl ${simulator.url}/__sim/accepted     curl -XPOST ${simulator.url}/__sim/reset
Keys stay in ${dir} (--fresh for new ones). Ctrl-C stops.`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping the simulator.`);
  await simulator.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
