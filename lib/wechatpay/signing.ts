// WeChat Pay APIv3 signatures: SHA256withRSA (PKCS#1 v1.5) over newline-terminated fields.
import { randomBytes, sign, verify, type KeyObject } from "node:crypto";

export const AUTH_SCHEME = "WECHATPAY2-SHA256-RSA2048";
export const MAX_CLOCK_SKEW_SEC = 300;

export const nonce = () => randomBytes(16).toString("hex").toUpperCase();
export const unixNow = () => Math.floor(Date.now() / 1000);

type Text = string | Uint8Array;

/** Fields joined as WeChat signs them; bodies stay bytes so what is checked is what was sent. */
function message(fields: Text[]): Buffer {
  return Buffer.concat(fields.flatMap((field) => [typeof field === "string" ? Buffer.from(field, "utf8") : field, Buffer.from("\n")]));
}

function signFields(privateKey: KeyObject, fields: Text[]): string {
  return sign("sha256", message(fields), privateKey).toString("base64");
}

function verifyFields(publicKey: KeyObject, fields: Text[], signature: string): boolean {
  // Node's base64 decoder skips junk; insist on real base64 so e.g. "WECHATPAY/SIGNTEST/…" probes fail plainly.
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return false;
  try {
    return verify("sha256", message(fields), publicKey, Buffer.from(signature, "base64"));
  } catch {
    return false;
  }
}

export type AuthorizationInput = {
  mchid: string;
  serialNo: string;
  privateKey: KeyObject;
  method: string;
  pathWithQuery: string;
  body: string;
  timestamp?: number;
  nonce?: string;
};

export function buildAuthorization(input: AuthorizationInput): string {
  const timestamp = String(input.timestamp ?? unixNow());
  const nonceStr = input.nonce ?? nonce();
  const signature = signFields(input.privateKey, [input.method.toUpperCase(), input.pathWithQuery, timestamp, nonceStr, input.body]);
  return `${AUTH_SCHEME} mchid="${input.mchid}",nonce_str="${nonceStr}",signature="${signature}",timestamp="${timestamp}",serial_no="${input.serialNo}"`;
}

export type ParsedAuthorization = { mchid: string; nonce_str: string; signature: string; timestamp: string; serial_no: string };

const AUTH_FIELDS = ["mchid", "nonce_str", "signature", "timestamp", "serial_no"] as const;

/** The five fields of an APIv3 Authorization header, in any order; null unless exactly those. */
export function parseAuthorization(header: string | null | undefined): ParsedAuthorization | null {
  if (!header?.startsWith(`${AUTH_SCHEME} `)) return null;
  const rest = header.slice(AUTH_SCHEME.length + 1).trim();
  if (!/^\w+="[^"]*"(\s*,\s*\w+="[^"]*")*$/.test(rest)) return null;
  const fields = new Map<string, string>();
  for (const [, name, value] of rest.matchAll(/(\w+)="([^"]*)"/g)) {
    if (fields.has(name)) return null;
    fields.set(name, value);
  }
  if (fields.size !== AUTH_FIELDS.length || !AUTH_FIELDS.every((name) => fields.get(name))) return null;
  return Object.fromEntries(fields) as ParsedAuthorization;
}

export function verifyRequest(auth: ParsedAuthorization, method: string, pathWithQuery: string, body: Text, key: KeyObject): boolean {
  return verifyFields(key, [method.toUpperCase(), pathWithQuery, auth.timestamp, auth.nonce_str, body], auth.signature);
}

export type ResponseHeaders = { get(name: string): string | null };

const RESPONSE_HEADERS = ["Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Signature", "Wechatpay-Serial"] as const;

/** An answer carrying none of WeChat's signature headers (real 401/400 answers have been seen so). */
export const UNSIGNED = "unsigned";

/**
 * "verified", or why this response cannot be trusted: "unsigned" (no Wechatpay-* header at all),
 * "missing Wechatpay-… header", "stale timestamp", "unknown serial …" or "signature mismatch".
 */
export function verifyResponse(input: {
  headers: ResponseHeaders;
  body: Text;
  keys: ReadonlyMap<string, KeyObject>;
  /** Unix seconds. */
  now?: number;
  maxSkewSec?: number;
}): string {
  const [timestamp, nonceStr, signature, serial] = RESPONSE_HEADERS.map((name) => input.headers.get(name));
  if (!timestamp && !nonceStr && !signature && !serial) return UNSIGNED;
  for (const [index, value] of [timestamp, nonceStr, signature, serial].entries()) {
    if (!value) return `missing ${RESPONSE_HEADERS[index]} header`;
  }
  const skew = Math.abs((input.now ?? unixNow()) - Number(timestamp));
  if (!/^\d{1,12}$/.test(timestamp!) || skew > (input.maxSkewSec ?? MAX_CLOCK_SKEW_SEC)) return "stale timestamp";
  const key = input.keys.get(serial!) ?? input.keys.get(serial!.toUpperCase());
  if (!key) return `unknown serial ${serial!.replace(/[^\w.-]/g, "?").slice(0, 64)}`;
  return verifyFields(key, [timestamp!, nonceStr!, input.body], signature!) ? "verified" : "signature mismatch";
}

/** The headers WeChat Pay signs every response with (used by the simulator). */
export function signResponse(privateKey: KeyObject, serial: string, body: Text, timestamp = unixNow()): Record<string, string> {
  const nonceStr = nonce();
  return {
    "Wechatpay-Timestamp": String(timestamp),
    "Wechatpay-Nonce": nonceStr,
    "Wechatpay-Signature": signFields(privateKey, [String(timestamp), nonceStr, body]),
    "Wechatpay-Serial": serial,
  };
}
