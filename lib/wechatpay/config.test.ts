import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseWechatPayConfig } from "@/lib/wechatpay/config";
import { generateKeyPair } from "@/lib/wechatpay/keys";

const merchant = generateKeyPair();
const platform = generateKeyPair();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wxcfg-"));
const privatePem = merchant.privateKey.export({ type: "pkcs8", format: "pem" }) as string;
const publicPem = platform.publicKey.export({ type: "spki", format: "pem" }) as string;
fs.writeFileSync(path.join(dir, "key.pem"), privatePem);
fs.writeFileSync(path.join(dir, "garbage.pem"), "-----BEGIN PRIVATE KEY-----\nnot base64\n-----END PRIVATE KEY-----\n");

const full = {
  WECHATPAY_MCHID: "1900000001",
  WECHATPAY_MERCHANT_SERIAL_NO: "ABC",
  WECHATPAY_MERCHANT_PRIVATE_KEY: path.join(dir, "key.pem"),
  WECHATPAY_PUBLIC_KEY_ID: "PUB_KEY_ID_0112",
  WECHATPAY_PUBLIC_KEY: publicPem.replace(/\n/g, "\\n"), // as an env file writes it
};

describe("parseWechatPayConfig", () => {
  it("uses the simulator when nothing is configured", () => {
    expect(parseWechatPayConfig({})).toEqual({ mode: "simulator" });
  });

  it("reads keys from files or PEM text with \\n escapes, with the default and backup hosts", () => {
    const config = parseWechatPayConfig(full);
    expect(config).toMatchObject({ mode: "live", mchid: "1900000001", baseUrl: "https://api.mch.weixin.qq.com", backupBaseUrl: "https://api2.mch.weixin.qq.com" });
    if (config.mode === "live") expect([...config.wechatKeys.keys()]).toEqual(["PUB_KEY_ID_0112"]);
    expect(parseWechatPayConfig({ ...full, WECHATPAY_BASE_URL: "http://127.0.0.1:3900" })).toMatchObject({ backupBaseUrl: null });
  });

  it("fails clearly on partial configuration, a missing key file and a key that does not parse", () => {
    expect(() => parseWechatPayConfig({ WECHATPAY_MCHID: "1" })).toThrow(/partly configured: also set WECHATPAY_MERCHANT_SERIAL_NO/);
    expect(() => parseWechatPayConfig({ ...full, WECHATPAY_MERCHANT_PRIVATE_KEY: "/nope/key.pem" })).toThrow(
      "WECHATPAY_MERCHANT_PRIVATE_KEY: file /nope/key.pem not found",
    );
    expect(() => parseWechatPayConfig({ ...full, WECHATPAY_MERCHANT_PRIVATE_KEY: path.join(dir, "garbage.pem") })).toThrow(
      "WECHATPAY_MERCHANT_PRIVATE_KEY: not a PEM private key.",
    );
    expect(() => parseWechatPayConfig({ ...full, WECHATPAY_PUBLIC_KEY: "-----BEGIN PUBLIC KEY-----\nxx\n-----END PUBLIC KEY-----" })).toThrow(
      "WECHATPAY_PUBLIC_KEY: not a PEM public key.",
    );
    expect(() => parseWechatPayConfig({ ...full, WECHATPAY_PUBLIC_KEY_ID: "" })).toThrow(/WECHATPAY_PUBLIC_KEY_ID/);
  });

  it("never puts key material in its messages", () => {
    try {
      parseWechatPayConfig({ ...full, WECHATPAY_MERCHANT_PRIVATE_KEY: privatePem.slice(0, 200) });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain(privatePem.split("\n")[1]);
    }
  });
});
