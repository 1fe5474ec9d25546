// WECHATPAY_* configuration: all of it (live) or none of it (the bundled simulator). Keys are
// parsed here, once, so a bad key stops startup with a message instead of failing every sync.
import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from "node:crypto";
import fs from "node:fs";

export const DEFAULT_BASE_URL = "https://api.mch.weixin.qq.com";
export const BACKUP_BASE_URL = "https://api2.mch.weixin.qq.com";

export type LiveConfig = {
  mode: "live";
  mchid: string;
  merchantSerialNo: string;
  merchantPrivateKey: KeyObject;
  /** Response signers we trust, by Wechatpay-Serial (PUB_KEY_ID_… or a platform certificate's serial). */
  wechatKeys: Map<string, KeyObject>;
  baseUrl: string;
  backupBaseUrl: string | null;
};

export type WechatPayConfig = { mode: "simulator" } | LiveConfig;

export class WechatPayConfigError extends Error {}

const REQUIRED = [
  "WECHATPAY_MCHID",
  "WECHATPAY_MERCHANT_SERIAL_NO",
  "WECHATPAY_MERCHANT_PRIVATE_KEY",
  "WECHATPAY_PUBLIC_KEY",
] as const;

export function parseWechatPayConfig(env: Record<string, string | undefined> = process.env): WechatPayConfig {
  const value = (name: string) => env[name]?.trim() || undefined;
  const all = [...REQUIRED, "WECHATPAY_PUBLIC_KEY_ID"];
  if (!all.some(value)) return { mode: "simulator" };
  const missing = REQUIRED.filter((name) => !value(name));
  if (missing.length) {
    throw new WechatPayConfigError(`WeChat Pay is partly configured: also set ${missing.join(", ")} (or unset all WECHATPAY_* to use the local simulator).`);
  }

  const merchantPrivateKey = readKey("WECHATPAY_MERCHANT_PRIVATE_KEY", value("WECHATPAY_MERCHANT_PRIVATE_KEY")!, (pem) =>
    createPrivateKey(pem),
  );
  if (merchantPrivateKey.asymmetricKeyType !== "rsa" || (merchantPrivateKey.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) {
    throw new WechatPayConfigError("WECHATPAY_MERCHANT_PRIVATE_KEY: must be an RSA key of at least 2048 bits (apiclient_key.pem).");
  }

  const publicText = loadPem("WECHATPAY_PUBLIC_KEY", value("WECHATPAY_PUBLIC_KEY")!);
  let serial = value("WECHATPAY_PUBLIC_KEY_ID");
  let wechatKey: KeyObject;
  if (publicText.includes("BEGIN CERTIFICATE")) {
    const certificate = parseOr("WECHATPAY_PUBLIC_KEY", "not a valid platform certificate", () => new X509Certificate(publicText));
    wechatKey = certificate.publicKey;
    serial ??= certificate.serialNumber.toUpperCase();
  } else {
    wechatKey = parseOr("WECHATPAY_PUBLIC_KEY", "not a PEM public key", () => createPublicKey(publicText));
    if (!serial) throw new WechatPayConfigError("WECHATPAY_PUBLIC_KEY_ID: set it to the key's id (PUB_KEY_ID_…).");
  }

  const baseUrl = (value("WECHATPAY_BASE_URL") ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  if (!/^https?:\/\//.test(baseUrl)) throw new WechatPayConfigError("WECHATPAY_BASE_URL: must be an http(s) URL.");
  return {
    mode: "live",
    mchid: value("WECHATPAY_MCHID")!,
    merchantSerialNo: value("WECHATPAY_MERCHANT_SERIAL_NO")!,
    merchantPrivateKey,
    wechatKeys: new Map([[serial, wechatKey]]),
    baseUrl,
    backupBaseUrl: baseUrl === DEFAULT_BASE_URL ? BACKUP_BASE_URL : null,
  };
}

/** PEM text (literal "\n" escapes allowed, as env files write them) or a path to a PEM file. */
function loadPem(name: string, raw: string): string {
  if (raw.includes("-----BEGIN")) return raw.replace(/\\n/g, "\n");
  if (!fs.existsSync(raw)) throw new WechatPayConfigError(`${name}: file ${raw} not found (give PEM text or a path to a PEM file).`);
  return fs.readFileSync(raw, "utf8");
}

function readKey(name: string, raw: string, parse: (pem: string) => KeyObject): KeyObject {
  const pem = loadPem(name, raw);
  return parseOr(name, "not a PEM private key", () => parse(pem));
}

function parseOr<T>(name: string, problem: string, parse: () => T): T {
  try {
    return parse();
  } catch {
    throw new WechatPayConfigError(`${name}: ${problem}.`); // never echo key material
  }
}
