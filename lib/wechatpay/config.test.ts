import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseWechatPayConfig, type LiveConfig } from "@/lib/wechatpay/config";
import { generateKeyPair } from "@/lib/wechatpay/keys";
import { signResponse, verifyResponse } from "@/lib/wechatpay/signing";

const merchant = generateKeyPair();
const platform = generateKeyPair();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wxcfg-"));
const privatePem = merchant.privateKey.export({ type: "pkcs8", format: "pem" }) as string;
const publicPem = platform.publicKey.export({ type: "spki", format: "pem" }) as string;
const file = (name: string, text: string) => {
  fs.writeFileSync(path.join(dir, name), text);
  return path.join(dir, name);
};

const full = {
  WECHATPAY_MCHID: "1900000001",
  WECHATPAY_MERCHANT_SERIAL_NO: "5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
  WECHATPAY_MERCHANT_PRIVATE_KEY: file("key.pem", privatePem),
  WECHATPAY_PUBLIC_KEY_ID: "PUB_KEY_ID_0112",
  WECHATPAY_PUBLIC_KEY: publicPem.replace(/\n/g, "\\n"), // as an env file writes it
};

const live = (env: Record<string, string | undefined>) => {
  const config = parseWechatPayConfig(env);
  if (config.mode !== "live") throw new Error("expected live");
  return config;
};

describe("parseWechatPayConfig", () => {
  it("uses the simulator when nothing (or only blanks) is configured", () => {
    expect(parseWechatPayConfig({})).toEqual({ mode: "simulator" });
    expect(parseWechatPayConfig({ WECHATPAY_MCHID: " ", WECHATPAY_PUBLIC_KEY: "" })).toEqual({ mode: "simulator" });
  });

  it("reads keys from files or PEM text with \\n escapes, with the default and backup hosts", () => {
    const config = live(full);
    expect(config).toMatchObject({
      mode: "live",
      mchid: "1900000001",
      merchantSerialNo: full.WECHATPAY_MERCHANT_SERIAL_NO,
      baseUrl: "https://api.mch.weixin.qq.com",
      backupBaseUrl: "https://api2.mch.weixin.qq.com",
    });
    expect([...config.wechatKeys.keys()]).toEqual(["PUB_KEY_ID_0112"]);
    expect(config.wechatKeys.get("PUB_KEY_ID_0112")!.equals(platform.publicKey)).toBe(true);
    expect(config.merchantPrivateKey.type).toBe("private");

    const inline = live({ ...full, WECHATPAY_MERCHANT_PRIVATE_KEY: privatePem.replace(/\n/g, "\\n"), WECHATPAY_PUBLIC_KEY: file("pub.pem", publicPem) });
    expect(inline.merchantPrivateKey.equals(config.merchantPrivateKey)).toBe(true);
  });

  it("has no backup host for any other base URL, and wants an origin", () => {
    expect(live({ ...full, WECHATPAY_BASE_URL: "http://127.0.0.1:3900/" })).toMatchObject({ baseUrl: "http://127.0.0.1:3900", backupBaseUrl: null });
    expect(() => parseWechatPayConfig({ ...full, WECHATPAY_BASE_URL: "https://proxy.example.com/wechat" })).toThrow(
      "WECHATPAY_BASE_URL: must be an http(s) origin",
    );
    expect(() => parseWechatPayConfig({ ...full, WECHATPAY_BASE_URL: "api.mch.weixin.qq.com" })).toThrow("WECHATPAY_BASE_URL: not a URL.");
  });

  it("names everything missing from a partial configuration", () => {
    expect(() => parseWechatPayConfig({ WECHATPAY_MCHID: "1" })).toThrow(
      "WeChat Pay is partly configured: also set WECHATPAY_MERCHANT_SERIAL_NO, WECHATPAY_MERCHANT_PRIVATE_KEY, WECHATPAY_PUBLIC_KEY (or WECHATPAY_PLATFORM_CERTS), WECHATPAY_PUBLIC_KEY_ID",
    );
    expect(() => parseWechatPayConfig({ ...full, WECHATPAY_PUBLIC_KEY_ID: "" })).toThrow(
      "WeChat Pay is partly configured: also set WECHATPAY_PUBLIC_KEY_ID",
    );
    expect(() => parseWechatPayConfig({ WECHATPAY_PUBLIC_KEY_ID: "PUB_KEY_ID_0112" })).toThrow(/partly configured: also set WECHATPAY_MCHID/);
  });

  it("says which key file is missing and which key does not parse", () => {
    expect(() => parseWechatPayConfig({ ...full, WECHATPAY_MERCHANT_PRIVATE_KEY: "/nope/key.pem" })).toThrow(
      "WECHATPAY_MERCHANT_PRIVATE_KEY: file /nope/key.pem not found",
    );
    // The test-time key's armour around a body that is not base64: PEM-shaped but unparseable.
    const lines = privatePem.trim().split("\n");
    const garbage = file("garbage.pem", `${lines[0]}\nnot base64\n${lines.at(-1)}\n`);
    expect(() => parseWechatPayConfig({ ...full, WECHATPAY_MERCHANT_PRIVATE_KEY: garbage })).toThrow(
      "WECHATPAY_MERCHANT_PRIVATE_KEY: not a PEM private key.",
    );
    expect(() => parseWechatPayConfig({ ...full, WECHATPAY_MERCHANT_PRIVATE_KEY: file("public-as-private.pem", publicPem) })).toThrow(
      "WECHATPAY_MERCHANT_PRIVATE_KEY: not a PEM private key.",
    );
    expect(() => parseWechatPayConfig({ ...full, WECHATPAY_PUBLIC_KEY: "-----BEGIN PUBLIC KEY-----\nxx\n-----END PUBLIC KEY-----" })).toThrow(
      "WECHATPAY_PUBLIC_KEY: not a PEM public key.",
    );
    expect(() => parseWechatPayConfig({ ...full, WECHATPAY_PUBLIC_KEY: privatePem })).toThrow("WECHATPAY_PUBLIC_KEY: this is a private key");
    expect(() => parseWechatPayConfig({ ...full, WECHATPAY_MCHID: "mch-1" })).toThrow("WECHATPAY_MCHID: must be the numeric merchant id.");
  });

  it("wants RSA of at least 2048 bits", () => {
    const small = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ type: "pkcs8", format: "pem" }) as string;
    expect(() => parseWechatPayConfig({ ...full, WECHATPAY_MERCHANT_PRIVATE_KEY: small })).toThrow(
      "WECHATPAY_MERCHANT_PRIVATE_KEY: must be an RSA key of at least 2048 bits",
    );
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }) as string;
    expect(() => parseWechatPayConfig({ ...full, WECHATPAY_MERCHANT_PRIVATE_KEY: ec })).toThrow(/must be an RSA key/);
  });

  it("never puts key material in its messages", () => {
    const secretLine = privatePem.split("\n")[1];
    const attempts = [
      privatePem.slice(0, 200), // cut short
      privatePem.split("\n").slice(1, -2).join(""), // the body without its BEGIN/END lines
    ];
    for (const value of attempts) {
      let message = "";
      try {
        parseWechatPayConfig({ ...full, WECHATPAY_MERCHANT_PRIVATE_KEY: value });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/^WECHATPAY_MERCHANT_PRIVATE_KEY: /);
      expect(message).not.toContain(secretLine.slice(0, 16));
    }
  });

  describe("platform certificate mode", () => {
    const serialHex = "5157f09efdc096de15ebe81a47057a7232f1b8e1";
    const yearMs = 365 * 86_400_000;

    it("matches responses by the certificate's serial number", () => {
      const certificate = selfSignedCertificate(platform, serialHex, new Date(Date.now() + yearMs));
      const config = live({ ...full, WECHATPAY_PUBLIC_KEY_ID: undefined, WECHATPAY_PUBLIC_KEY: file("cert.pem", certificate) });
      expect([...config.wechatKeys.keys()]).toEqual([serialHex.toUpperCase()]);
      expect(verified(config, serialHex.toUpperCase())).toBe("verified");
    });

    it("uses WECHATPAY_PUBLIC_KEY_ID instead when it is given", () => {
      const certificate = selfSignedCertificate(platform, serialHex, new Date(Date.now() + yearMs));
      const config = live({ ...full, WECHATPAY_PUBLIC_KEY: certificate.replace(/\n/g, "\\n") });
      expect([...config.wechatKeys.keys()]).toEqual(["PUB_KEY_ID_0112"]);
    });

    it("sends the public key's id as Wechatpay-Serial in public-key mode", () => {
      const config = live(full);
      expect(config.wechatpaySerial).toBe("PUB_KEY_ID_0112");
      expect(config.trustedKeys).toEqual([{ serial: "PUB_KEY_ID_0112", kind: "public-key", validFrom: null, validTo: null }]);
    });

    it("trusts every certificate in WECHATPAY_PLATFORM_CERTS (paths or PEM text), and names the newest", () => {
      const second = generateKeyPair();
      const older = selfSignedCertificate(platform, "0a01", new Date(Date.now() + 20 * 86_400_000));
      const newer = selfSignedCertificate(second, "0b02", new Date(Date.now() + 2 * yearMs));
      const config = live({
        ...full,
        WECHATPAY_PUBLIC_KEY: undefined,
        WECHATPAY_PUBLIC_KEY_ID: undefined,
        WECHATPAY_PLATFORM_CERTS: `${file("older.pem", older)}, ${newer.replace(/\n/g, "\\n")}`,
      });
      expect([...config.wechatKeys.keys()]).toEqual(["0A01", "0B02"]);
      expect(config.wechatpaySerial).toBe("0B02");
      expect(config.trustedKeys.map((key) => [key.serial, key.kind, key.validTo!.getTime() > Date.now()])).toEqual([
        ["0A01", "certificate", true],
        ["0B02", "certificate", true],
      ]);
      // An answer signed with either certificate verifies.
      expect(verified(config, "0A01")).toBe("verified");
      const headers = new Headers(signResponse(second.privateKey, "0B02", ""));
      expect(verifyResponse({ headers, body: "", keys: config.wechatKeys })).toBe("verified");
    });

    it("keeps the public key in front when certificates are also trusted (a move between the two)", () => {
      const certificate = selfSignedCertificate(generateKeyPair(), "0c03", new Date(Date.now() + yearMs));
      const config = live({ ...full, WECHATPAY_PLATFORM_CERTS: certificate });
      expect([...config.wechatKeys.keys()]).toEqual(["PUB_KEY_ID_0112", "0C03"]);
      expect(config.wechatpaySerial).toBe("PUB_KEY_ID_0112");
    });

    it("skips an expired certificate left in the list, but not when nothing valid remains", () => {
      const expired = selfSignedCertificate(platform, "0d04", new Date(Date.now() - 86_400_000));
      const current = selfSignedCertificate(platform, "0e05", new Date(Date.now() + yearMs));
      const base = { ...full, WECHATPAY_PUBLIC_KEY: undefined, WECHATPAY_PUBLIC_KEY_ID: undefined };
      expect([...live({ ...base, WECHATPAY_PLATFORM_CERTS: `${expired},${current}` }).wechatKeys.keys()]).toEqual(["0E05"]);
      expect(() => parseWechatPayConfig({ ...base, WECHATPAY_PLATFORM_CERTS: expired })).toThrow(
        "WECHATPAY_PLATFORM_CERTS: every certificate has expired; download the current one.",
      );
      expect(() => parseWechatPayConfig({ ...base, WECHATPAY_PLATFORM_CERTS: `${current},${current}` })).toThrow("WeChat Pay key 0E05 is given twice");
      expect(() => parseWechatPayConfig({ ...base, WECHATPAY_PLATFORM_CERTS: publicPem })).toThrow(
        "WECHATPAY_PLATFORM_CERTS (item 1): not an X.509 certificate",
      );
    });

    it("refuses an expired certificate", () => {
      const certificate = selfSignedCertificate(platform, serialHex, new Date(Date.now() - 86_400_000));
      expect(() => parseWechatPayConfig({ ...full, WECHATPAY_PUBLIC_KEY: certificate })).toThrow(
        /^WECHATPAY_PUBLIC_KEY: the platform certificate expired on /,
      );
    });
  });
});

function verified(config: LiveConfig, serial: string): string {
  const headers = new Headers(signResponse(platform.privateKey, serial, ""));
  return verifyResponse({ headers, body: "", keys: config.wechatKeys });
}

/** A minimal self-signed X.509 (v1) certificate, DER-encoded by hand: Node can parse but not issue them. */
function selfSignedCertificate(keys: { privateKey: KeyObject; publicKey: KeyObject }, serialHex: string, notAfter: Date): string {
  const der = (tag: number, ...parts: Buffer[]) => {
    const content = Buffer.concat(parts);
    const size: number[] = [];
    for (let n = content.length; n > 0; n >>= 8) size.unshift(n & 0xff);
    const length = content.length < 0x80 ? [content.length] : [0x80 | size.length, ...size];
    return Buffer.concat([Buffer.from([tag, ...length]), content]);
  };
  const sequence = (...parts: Buffer[]) => der(0x30, ...parts);
  const oid = (hex: string) => der(0x06, Buffer.from(hex, "hex"));
  const sha256WithRsa = sequence(oid("2a864886f70d01010b"), der(0x05));
  const name = (cn: string) => sequence(der(0x31, sequence(oid("550403"), der(0x0c, Buffer.from(cn)))));
  const utcTime = (date: Date) => der(0x17, Buffer.from(`${date.toISOString().replace(/[-:T]/g, "").slice(2, 14)}Z`));
  const serial = Buffer.from(serialHex, "hex");
  const tbs = sequence(
    der(0x02, serial[0] & 0x80 ? Buffer.concat([Buffer.from([0]), serial]) : serial),
    sha256WithRsa,
    name("Tenpay.com Root CA"),
    sequence(utcTime(new Date(notAfter.getTime() - 2 * 365 * 86_400_000)), utcTime(notAfter)),
    name("Wechatpay platform (test)"),
    keys.publicKey.export({ type: "spki", format: "der" }),
  );
  const signature = sign("sha256", tbs, keys.privateKey);
  const certificate = sequence(tbs, sha256WithRsa, der(0x03, Buffer.from([0]), signature));
  return `-----BEGIN CERTIFICATE-----\n${certificate.toString("base64").match(/.{1,64}/g)!.join("\n")}\n-----END CERTIFICATE-----\n`;
}
