// Signatures on outgoing alerts: DingTalk's signed robot URL and our generic webhook's header.
import { createHmac } from "node:crypto";

/**
 * DingTalk robot "加签": sign = base64(HMAC-SHA256(key = secret, timestamp + "\n" + secret)) with
 * the timestamp in milliseconds, both appended to the webhook URL (URL-encoded). DingTalk refuses
 * a timestamp more than an hour off.
 */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac("sha256", secret).update(`${timestampMs}\n${secret}`, "utf8").digest("base64");
}

export function dingtalkSignedUrl(webhook: string, secret: string | undefined, now = Date.now()): string {
  if (!secret) return webhook;
  const url = new URL(webhook);
  url.searchParams.set("timestamp", String(now));
  url.searchParams.set("sign", dingtalkSign(secret, now));
  return url.toString();
}

/** Generic webhook: the signature covers "<timestamp>.<raw body>" so a replayed body with a new timestamp fails. */
export const WEBHOOK_TIMESTAMP_HEADER = "x-alert-timestamp";
export const WEBHOOK_SIGNATURE_HEADER = "x-alert-signature";
export const WEBHOOK_ID_HEADER = "x-alert-delivery-id";

export function webhookSignature(secret: string, timestampSec: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestampSec}.${body}`, "utf8").digest("hex")}`;
}
