// WeChat Pay APIv3 signatures: SHA256withRSA over newline-terminated fields.
import { createSign, createVerify, randomBytes, type KeyObject } from "node:crypto";

export const AUTH_SCHEME = "WECHATPAY2-SHA256-RSA2048";
export const MAX_CLOCK_SKEW_SEC = 300;

export const nonce = () => randomBytes(16).toString("hex").toUpperCase();
export const unixNow = () => Math.floor(Date.now() / 1000);

function sign(privateKey: KeyObject, fields: string[]): string {
  return createSign("RSA-SHA256").update(fields.map((field) => `${field}\n`).join("")).sign(privateKey, "base64");
}

function verify(publicKey: KeyObject, fields: string[], signature: string): boolean {
  try {
    return createVerify("RSA-SHA256").update(fields.map((field) => `${field}\n`).join("")).verify(publicKey, signature, "base64");
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
  const signature = sign(input.privateKey, [input.method.toUpperCase(), input.pathWithQuery, timestamp, nonceStr, input.body]);
  return `${AUTH_SCHEME} mchid="${input.mchid}",nonce_str="${nonceStr}",signature="${signature}",timestamp="${timestamp}",serial_no="${input.serialNo}"`;
}

export type ParsedAuthorization = { mchid: string; nonce_str: string; signature: string; timestamp: string; serial_no: string };

export function parseAuthorization(header: string | null): ParsedAuthorization | null {
  if (!header?.startsWith(`${AUTH_SCHEME} `)) return null;
  const fields: Record<string, string> = {};
  for (const match of header.slice(AUTH_SCHEME.length + 1).matchAll(/(\w+)="([^"]*)"/g)) fields[match[1]] = match[2];
  const keys = ["mchid", "nonce_str", "signature", "timestamp", "serial_no"] as const;
  return keys.every((key) => fields[key]) ? (fields as ParsedAuthorization) : null;
}

export function verifyRequest(auth: ParsedAuthorization, method: string, pathWithQuery: string, body: string, key: KeyObject) {
  return verify(key, [method.toUpperCase(), pathWithQuery, auth.timestamp, auth.nonce_str, body], auth.signature);
}

export type ResponseHeaders = { get(name: string): string | null };

/** "verified", or why this response cannot be trusted. */
export function verifyResponse(input: {
  headers: ResponseHeaders;
  body: string;
  keys: ReadonlyMap<string, KeyObject>;
  now?: number;
}): string {
  const timestamp = input.headers.get("wechatpay-timestamp");
  const nonceStr = input.headers.get("wechatpay-nonce");
  const signature = input.headers.get("wechatpay-signature");
  const serial = input.headers.get("wechatpay-serial");
  for (const [name, value] of [["Timestamp", timestamp], ["Nonce", nonceStr], ["Signature", signature], ["Serial", serial]]) {
    if (!value) return `missing Wechatpay-${name} header`;
  }
  if (!/^\d{1,12}$/.test(timestamp!) || Math.abs((input.now ?? unixNow()) - Number(timestamp)) > MAX_CLOCK_SKEW_SEC) {
    return "stale Wechatpay-Timestamp";
  }
  const key = input.keys.get(serial!);
  if (!key) return `unknown Wechatpay-Serial ${serial!.slice(0, 64)}`;
  return verify(key, [timestamp!, nonceStr!, input.body], signature!) ? "verified" : "signature mismatch";
}

/** The headers WeChat Pay signs every response with (used by the simulator). */
export function signResponse(privateKey: KeyObject, serial: string, body: string, timestamp = unixNow()): Record<string, string> {
  const nonceStr = nonce();
  return {
    "Wechatpay-Timestamp": String(timestamp),
    "Wechatpay-Nonce": nonceStr,
    "Wechatpay-Signature": sign(privateKey, [String(timestamp), nonceStr, body]),
    "Wechatpay-Serial": serial,
  };
}
