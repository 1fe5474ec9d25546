// When the configured WeChat Pay platform certificate expires. A stand-in until
// lib/wechatpay/key-expiry.ts lands: only a certificate (not a bare public key) carries a date.
import { X509Certificate } from "node:crypto";
import fs from "node:fs";

export type KeyExpiry = { name: string; serial: string; expiresAt: Date };

export function configuredKeyExpiries(env: Record<string, string | undefined> = process.env): KeyExpiry[] {
  const raw = env.WECHATPAY_PUBLIC_KEY?.trim();
  if (!raw) return [];
  try {
    const pem = raw.includes("-----BEGIN") ? raw.replace(/\\n/g, "\n") : fs.readFileSync(raw, "utf8");
    if (!pem.includes("-----BEGIN CERTIFICATE-----")) return [];
    const certificate = new X509Certificate(pem);
    return [{ name: "WECHATPAY_PUBLIC_KEY", serial: certificate.serialNumber.toUpperCase(), expiresAt: new Date(certificate.validTo) }];
  } catch {
    return []; // startup already refused an unreadable key; nothing to date here
  }
}
