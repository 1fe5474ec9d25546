import { createVerify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateKeyPair } from "@/lib/wechatpay/keys";
import { buildAuthorization, parseAuthorization, signResponse, verifyResponse } from "@/lib/wechatpay/signing";

const merchant = generateKeyPair();
const platform = generateKeyPair("PUB_KEY_ID_");
const keys = new Map([[platform.serial, platform.publicKey]]);

describe("APIv3 request signature", () => {
  const input = {
    mchid: "1900000001",
    serialNo: "5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
    privateKey: merchant.privateKey,
    method: "POST",
    pathWithQuery: "/v3/parking/reminders/ext-payment",
    body: '{"out_trade_no":"O1"}',
    timestamp: 1_719_128_975,
    nonce: "593BEC0C930BF1AFEB40B4A08C8FB242",
  };

  it("signs METHOD\\nPATH\\nTS\\nNONCE\\nBODY\\n with SHA256withRSA in the documented header format", () => {
    const header = buildAuthorization(input);
    expect(header).toMatch(
      /^WECHATPAY2-SHA256-RSA2048 mchid="1900000001",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",signature="[A-Za-z0-9+/=]{344}",timestamp="1719128975",serial_no="5157F09EFDC096DE15EBE81A47057A7232F1B8E1"$/,
    );
    const signature = parseAuthorization(header)!.signature;
    const message = 'POST\n/v3/parking/reminders/ext-payment\n1719128975\n593BEC0C930BF1AFEB40B4A08C8FB242\n{"out_trade_no":"O1"}\n';
    expect(createVerify("RSA-SHA256").update(message).verify(merchant.publicKey, signature, "base64")).toBe(true);
    // PKCS#1 v1.5 is deterministic: the same key and message give the same signature.
    expect(buildAuthorization(input)).toBe(header);
    expect(buildAuthorization({ ...input, body: '{"out_trade_no":"O2"}' })).not.toBe(header);
  });
});

describe("response verification", () => {
  const now = 1_800_000_000;
  const headersOf = (record: Record<string, string>) => new Headers(record);
  const body = '{"code":"PARAM_ERROR","message":"x"}';
  const signed = signResponse(platform.privateKey, platform.serial, body, now);

  it("accepts a good signature, also over an empty 204 body", () => {
    expect(verifyResponse({ headers: headersOf(signed), body, keys, now })).toBe("verified");
    const empty = signResponse(platform.privateKey, platform.serial, "", now);
    expect(verifyResponse({ headers: headersOf(empty), body: "", keys, now })).toBe("verified");
  });

  it("refuses a tampered body, a wrong serial, missing headers and a stale timestamp", () => {
    expect(verifyResponse({ headers: headersOf(signed), body: body.replace("x", "y"), keys, now })).toBe("signature mismatch");
    expect(verifyResponse({ headers: headersOf({ ...signed, "Wechatpay-Serial": "PUB_KEY_ID_OTHER" }), body, keys, now })).toBe(
      "unknown Wechatpay-Serial PUB_KEY_ID_OTHER",
    );
    for (const name of ["Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Signature", "Wechatpay-Serial"]) {
      const partial: Record<string, string> = { ...signed };
      delete partial[name];
      expect(verifyResponse({ headers: headersOf(partial), body, keys, now })).toBe(`missing ${name} header`);
    }
    expect(verifyResponse({ headers: headersOf(signed), body, keys, now: now + 301 })).toBe("stale Wechatpay-Timestamp");
    const other = generateKeyPair();
    const forged = signResponse(other.privateKey, platform.serial, body, now);
    expect(verifyResponse({ headers: headersOf(forged), body, keys, now })).toBe("signature mismatch");
  });
});
