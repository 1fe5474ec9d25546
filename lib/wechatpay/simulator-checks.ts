// What WeChat Pay checks before it takes an ext-payment call, refused the way it refuses:
// 401 SIGN_ERROR for anything about the signature, 400/406 for headers, 400 PARAM_ERROR naming
// the field for the body (the spec's field table).
import type { KeyObject } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { FEE_TYPES } from "@/lib/wechatpay/mapping";
import { MAX_CLOCK_SKEW_SEC, parseAuthorization, unixNow, verifyRequest } from "@/lib/wechatpay/signing";

export type Problem = { status: number; code: string; message: string };

export type SimulatedMerchant = { mchid: string; merchantSerialNo: string; merchantPublicKey: KeyObject };

export type IncomingCall = { method: string; pathWithQuery: string; headers: IncomingHttpHeaders; body: Buffer };

const signError = (message: string): Problem => ({ status: 401, code: "SIGN_ERROR", message });
const paramError = (message: string): Problem => ({ status: 400, code: "PARAM_ERROR", message });

export function checkCall(merchant: SimulatedMerchant, call: IncomingCall): Problem | null {
  const auth = parseAuthorization(call.headers.authorization);
  if (!auth) return signError("Authorization header missing or malformed");
  if (auth.mchid !== merchant.mchid) return signError("mchid does not match the signing merchant");
  if (auth.serial_no !== merchant.merchantSerialNo) return signError("serial_no is not the merchant's API certificate serial");
  if (!/^\d{1,12}$/.test(auth.timestamp) || Math.abs(unixNow() - Number(auth.timestamp)) > MAX_CLOCK_SKEW_SEC) {
    return signError("timestamp is more than 5 minutes off");
  }
  if (!verifyRequest(auth, call.method, call.pathWithQuery, call.body, merchant.merchantPublicKey)) {
    return signError("signature verification failed");
  }
  if (!/^application\/json\s*(;|$)/i.test(call.headers["content-type"] ?? "")) {
    return { status: 400, code: "INVALID_REQUEST", message: "Content-Type must be application/json" };
  }
  if (!/application\/json|application\/\*|\*\/\*/i.test(call.headers.accept ?? "")) {
    return { status: 406, code: "INVALID_REQUEST", message: "Accept must allow application/json" };
  }
  return checkBody(call.body.toString("utf8"));
}

const FIELDS = new Set(["out_trade_no", "fee_items", "pay_time", "wx_parking_lot_id", "wx_trade_no"]);

export function checkBody(text: string): Problem | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return paramError("body is not valid JSON");
  }
  if (!isRecord(body)) return paramError("body must be a JSON object");
  const unknown = Object.keys(body).find((key) => !FIELDS.has(key));
  if (unknown) return paramError(`${unknown} is not a field of this API`);
  if (!isText(body.out_trade_no, 1, 64)) return paramError("out_trade_no must be a string of 1-64 characters");
  if (!Array.isArray(body.fee_items) || body.fee_items.length < 1) return paramError("fee_items must have at least one item");
  for (const [index, item] of body.fee_items.entries()) {
    const at = `fee_items[${index}]`;
    if (!isRecord(item)) return paramError(`${at} must be an object`);
    if (!FEE_TYPES.includes(item.fee_type as never)) return paramError(`${at}.fee_type is not a supported fee type`);
    if (!Number.isSafeInteger(item.amount) || (item.amount as number) < 1) return paramError(`${at}.amount must be a positive integer (fen)`);
  }
  if (!Number.isSafeInteger(body.pay_time) || (body.pay_time as number) <= 0) return paramError("pay_time must be a unix time in seconds");
  if (body.wx_parking_lot_id !== undefined && !isText(body.wx_parking_lot_id, 1, 64)) {
    return paramError("wx_parking_lot_id must be a string of 1-64 characters");
  }
  if (body.wx_trade_no !== undefined && !isText(body.wx_trade_no, 1, 64)) return paramError("wx_trade_no must be a string of 1-64 characters");
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isText(value: unknown, min: number, max: number): boolean {
  return typeof value === "string" && value.length >= min && value.length <= max;
}
