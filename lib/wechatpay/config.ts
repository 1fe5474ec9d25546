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
  /**
   * Response signers we trust, by Wechatpay-Serial (PUB_KEY_ID_… or a platform certificate's
   * serial). A map rather than one key so a key rotation can trust old and new side by side.
   */
  wechatKeys: ReadonlyMap<string, KeyObject>;
  /**
   * Sent as `Wechatpay-Serial` on every request: the public key's id, else the newest platform
   * certificate's serial. While a merchant moves between the two, WeChat signs with the one named.
   */
  wechatpaySerial: string;
  /** What each trusted key is and, for certificates, when it expires (for the dashboard's warning). */
  trustedKeys: readonly TrustedKey[];
  baseUrl: string;
  /** WeChat's second site, only when talking to WeChat's default host. */
  backupBaseUrl: string | null;
};

export type TrustedKey = { serial: string; kind: "public-key" | "certificate"; validFrom: Date | null; validTo: Date | null };

export type WechatPayConfig = { mode: "simulator" } | LiveConfig;

export class WechatPayConfigError extends Error {}

const REQUIRED = ["WECHATPAY_MCHID", "WECHATPAY_MERCHANT_SERIAL_NO", "WECHATPAY_MERCHANT_PRIVATE_KEY"] as const;
const WECHAT_KEYS = ["WECHATPAY_PUBLIC_KEY", "WECHATPAY_PLATFORM_CERTS"] as const;

export function parseWechatPayConfig(env: Record<string, string | undefined> = process.env): WechatPayConfig {
  const value = (name: string) => env[name]?.trim() || undefined;
  if (![...REQUIRED, ...WECHAT_KEYS, "WECHATPAY_PUBLIC_KEY_ID"].some(value)) return { mode: "simulator" };
  const missing: string[] = REQUIRED.filter((name) => !value(name));
  if (!WECHAT_KEYS.some(value)) missing.push("WECHATPAY_PUBLIC_KEY (or WECHATPAY_PLATFORM_CERTS)");
  if (missing.length) {
    if (!value("WECHATPAY_PUBLIC_KEY_ID") && !value("WECHATPAY_PLATFORM_CERTS")) {
      missing.push("WECHATPAY_PUBLIC_KEY_ID (unless WECHATPAY_PUBLIC_KEY is a platform certificate)");
    }
    throw new WechatPayConfigError(
      `WeChat Pay is partly configured: also set ${missing.join(", ")} (or unset all WECHATPAY_* to use the local simulator).`,
    );
  }

  const mchid = value("WECHATPAY_MCHID")!;
  if (!/^\d{1,32}$/.test(mchid)) throw new WechatPayConfigError("WECHATPAY_MCHID: must be the numeric merchant id.");
  const merchantSerialNo = value("WECHATPAY_MERCHANT_SERIAL_NO")!;
  if (!/^[0-9A-Fa-f]{1,64}$/.test(merchantSerialNo)) {
    throw new WechatPayConfigError("WECHATPAY_MERCHANT_SERIAL_NO: must be the hex serial number of the merchant API certificate.");
  }

  const privateText = loadPem("WECHATPAY_MERCHANT_PRIVATE_KEY", value("WECHATPAY_MERCHANT_PRIVATE_KEY")!);
  const merchantPrivateKey = parseOr("WECHATPAY_MERCHANT_PRIVATE_KEY", "not a PEM private key", () =>
    createPrivateKey({ key: privateText, format: "pem" }),
  );
  if (!isRsa2048(merchantPrivateKey)) {
    throw new WechatPayConfigError("WECHATPAY_MERCHANT_PRIVATE_KEY: must be an RSA key of at least 2048 bits (apiclient_key.pem).");
  }

  const trusted: (TrustedKey & { key: KeyObject })[] = [];
  const publicKeyText = value("WECHATPAY_PUBLIC_KEY");
  if (publicKeyText) trusted.push(readWechatKey(loadPem("WECHATPAY_PUBLIC_KEY", publicKeyText), value("WECHATPAY_PUBLIC_KEY_ID")));
  trusted.push(...readPlatformCertificates(value("WECHATPAY_PLATFORM_CERTS")));
  const wechatKeys = new Map<string, KeyObject>();
  for (const entry of trusted) {
    if (wechatKeys.has(entry.serial)) throw new WechatPayConfigError(`WeChat Pay key ${entry.serial} is given twice; list each key once.`);
    wechatKeys.set(entry.serial, entry.key);
  }
  const baseUrl = parseBaseUrl(value("WECHATPAY_BASE_URL") ?? DEFAULT_BASE_URL);
  return {
    mode: "live",
    mchid,
    merchantSerialNo,
    merchantPrivateKey,
    wechatKeys,
    wechatpaySerial: preferredSerial(trusted),
    trustedKeys: trusted.map(({ serial, kind, validFrom, validTo }) => ({ serial, kind, validFrom, validTo })),
    baseUrl,
    backupBaseUrl: baseUrl === DEFAULT_BASE_URL ? BACKUP_BASE_URL : null,
  };
}

/**
 * The public key's id when there is one (public-key mode); otherwise the platform certificate
 * issued last, which WeChat switches to days before the older one expires.
 */
function preferredSerial(trusted: TrustedKey[]): string {
  const publicKey = trusted.find((entry) => entry.kind === "public-key");
  if (publicKey) return publicKey.serial;
  const newest = [...trusted].sort((a, b) => (b.validFrom?.getTime() ?? 0) - (a.validFrom?.getTime() ?? 0))[0];
  return newest.serial;
}

/** A WeChat Pay public key (with its PUB_KEY_ID_…) or, for older merchants, a platform certificate. */
function readWechatKey(pem: string, keyId: string | undefined): TrustedKey & { key: KeyObject } {
  const name = "WECHATPAY_PUBLIC_KEY";
  if (pem.includes("PRIVATE KEY-----")) {
    throw new WechatPayConfigError(`${name}: this is a private key; give WeChat Pay's public key (pub_key.pem) or platform certificate.`);
  }
  if (pem.includes("-----BEGIN CERTIFICATE-----")) {
    const certificate = readCertificate(name, pem);
    if (certificate.validTo.getTime() < Date.now()) {
      throw new WechatPayConfigError(`${name}: the platform certificate expired on ${certificate.validTo.toISOString()}; download the current one.`);
    }
    return keyId ? { ...certificate, serial: keyId } : certificate;
  }
  const key = parseOr(name, "not a PEM public key", () => createPublicKey({ key: pem, format: "pem" }));
  if (!keyId) throw new WechatPayConfigError("WeChat Pay is partly configured: also set WECHATPAY_PUBLIC_KEY_ID (the key's id, PUB_KEY_ID_…).");
  if (!isRsa2048(key)) throw new WechatPayConfigError(`${name}: must be an RSA key of at least 2048 bits.`);
  return { serial: keyId, kind: "public-key", validFrom: null, validTo: null, key };
}

/**
 * WECHATPAY_PLATFORM_CERTS: comma-separated paths or PEM texts. An expired certificate is skipped
 * (left over from a rotation, it must not stop the app) as long as another key is still valid.
 */
function readPlatformCertificates(raw: string | undefined): (TrustedKey & { key: KeyObject })[] {
  if (!raw) return [];
  const name = "WECHATPAY_PLATFORM_CERTS";
  const certificates = raw
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item, index) => {
      const pem = loadPem(`${name} (item ${index + 1})`, item);
      if (!pem.includes("-----BEGIN CERTIFICATE-----")) {
        throw new WechatPayConfigError(`${name} (item ${index + 1}): not an X.509 certificate (-----BEGIN CERTIFICATE-----).`);
      }
      return readCertificate(`${name} (item ${index + 1})`, pem);
    });
  const valid = certificates.filter((certificate) => certificate.validTo.getTime() >= Date.now());
  if (!valid.length) throw new WechatPayConfigError(`${name}: every certificate has expired; download the current one.`);
  return valid;
}

function readCertificate(name: string, pem: string): TrustedKey & { key: KeyObject; validTo: Date } {
  const certificate = parseOr(name, "not a valid platform certificate", () => new X509Certificate(pem));
  if (!isRsa2048(certificate.publicKey)) throw new WechatPayConfigError(`${name}: must be an RSA key of at least 2048 bits.`);
  return {
    serial: certificate.serialNumber.toUpperCase(),
    kind: "certificate",
    validFrom: new Date(certificate.validFrom),
    validTo: new Date(certificate.validTo),
    key: certificate.publicKey,
  };
}

/** PEM text (literal "\n" escapes allowed, as env files write them) or a path to a PEM file. */
function loadPem(name: string, raw: string): string {
  if (raw.includes("-----BEGIN")) return raw.replace(/\\r/g, "").replace(/\\n/g, "\n");
  // A pasted key body without its BEGIN line is not a path; do not echo it back.
  if (raw.length > 1024 || /^[A-Za-z0-9+/=\s]{64,}$/.test(raw)) {
    throw new WechatPayConfigError(`${name}: neither PEM text (-----BEGIN …) nor a file path.`);
  }
  if (!fs.existsSync(raw)) throw new WechatPayConfigError(`${name}: file ${raw} not found (give PEM text or a path to a PEM file).`);
  return parseOr(name, `cannot read file ${raw}`, () => fs.readFileSync(raw, "utf8"));
}

function parseBaseUrl(raw: string): string {
  const url = parseOr("WECHATPAY_BASE_URL", "not a URL", () => new URL(raw));
  // The signature covers the path, so a prefix (a path-mapping proxy) would sign the wrong message.
  if (!/^https?:$/.test(url.protocol) || url.pathname !== "/" || url.search || url.hash) {
    throw new WechatPayConfigError("WECHATPAY_BASE_URL: must be an http(s) origin such as https://api.mch.weixin.qq.com (no path).");
  }
  return url.origin;
}

function isRsa2048(key: KeyObject): boolean {
  return key.asymmetricKeyType === "rsa" && (key.asymmetricKeyDetails?.modulusLength ?? 0) >= 2048;
}

function parseOr<T>(name: string, problem: string, parse: () => T): T {
  try {
    return parse();
  } catch {
    throw new WechatPayConfigError(`${name}: ${problem}.`); // never echo key material
  }
}
