import { verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateKeyPair } from "@/lib/wechatpay/keys";
import { buildAuthorization, parseAuthorization, signResponse, verifyRequest, verifyResponse } from "@/lib/wechatpay/signing";

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
    body: '{"out_trade_no":"O1","amount":"¥"}',
    timestamp: 1_719_128_975,
    nonce: "593BEC0C930BF1AFEB40B4A08C8FB242",
  };
  const message = 'POST\n/v3/parking/reminders/ext-payment\n1719128975\n593BEC0C930BF1AFEB40B4A08C8FB242\n{"out_trade_no":"O1","amount":"¥"}\n';

  it("signs METHOD\\nPATH\\nTS\\nNONCE\\nBODY\\n with SHA256withRSA in the documented header format", () => {
    const header = buildAuthorization(input);
    expect(header).toMatch(
      /^WECHATPAY2-SHA256-RSA2048 mchid="1900000001",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",signature="[A-Za-z0-9+/]{342}==",timestamp="1719128975",serial_no="5157F09EFDC096DE15EBE81A47057A7232F1B8E1"$/,
    );
    const signature = Buffer.from(parseAuthorization(header)!.signature, "base64");
    expect(verify("sha256", Buffer.from(message, "utf8"), merchant.publicKey, signature)).toBe(true);
    expect(verify("sha256", Buffer.from(message.replace("O1", "O2"), "utf8"), merchant.publicKey, signature)).toBe(false);
  });

  it("is deterministic (PKCS#1 v1.5): the same key and message give the same signature", () => {
    expect(buildAuthorization(input)).toBe(buildAuthorization(input));
    expect(buildAuthorization({ ...input, body: '{"out_trade_no":"O2"}' })).not.toBe(buildAuthorization(input));
  });

  it("round-trips through the simulator's parser and check", () => {
    const auth = parseAuthorization(buildAuthorization(input))!;
    expect(auth).toMatchObject({ mchid: "1900000001", nonce_str: input.nonce, timestamp: "1719128975", serial_no: input.serialNo });
    expect(verifyRequest(auth, "POST", input.pathWithQuery, input.body, merchant.publicKey)).toBe(true);
    expect(verifyRequest(auth, "POST", input.pathWithQuery, Buffer.from(input.body), merchant.publicKey)).toBe(true);
    expect(verifyRequest(auth, "POST", `${input.pathWithQuery}?x=1`, input.body, merchant.publicKey)).toBe(false);
    expect(verifyRequest(auth, "POST", input.pathWithQuery, `${input.body} `, merchant.publicKey)).toBe(false);
  });

  it("parses the fields in any order and refuses anything else", () => {
    const fields = 'serial_no="S", timestamp="1",signature="c2ln",nonce_str="N",mchid="1"';
    expect(parseAuthorization(`WECHATPAY2-SHA256-RSA2048 ${fields}`)).toEqual({
      mchid: "1",
      nonce_str: "N",
      signature: "c2ln",
      timestamp: "1",
      serial_no: "S",
    });
    expect(parseAuthorization(undefined)).toBeNull();
    expect(parseAuthorization(`Bearer ${fields}`)).toBeNull();
    expect(parseAuthorization(`WECHATPAY2-SHA256-RSA2048 ${fields},mchid="2"`)).toBeNull(); // duplicate
    expect(parseAuthorization(`WECHATPAY2-SHA256-RSA2048 ${fields},extra="x"`)).toBeNull();
    expect(parseAuthorization('WECHATPAY2-SHA256-RSA2048 mchid="1",nonce_str="N"')).toBeNull();
    expect(parseAuthorization(`WECHATPAY2-SHA256-RSA2048 ${fields} junk`)).toBeNull();
  });
});

describe("response verification", () => {
  const now = 1_800_000_000;
  const body = '{"code":"PARAM_ERROR","message":"x"}';
  const signed = signResponse(platform.privateKey, platform.serial, body, now);
  const check = (headers: Record<string, string>, text = body, at = now) => verifyResponse({ headers: new Headers(headers), body: text, keys, now: at });

  it("accepts a good signature, also over an empty 204 body and as bytes", () => {
    expect(check(signed)).toBe("verified");
    expect(check(signResponse(platform.privateKey, platform.serial, "", now), "")).toBe("verified");
    expect(verifyResponse({ headers: new Headers(signed), body: Buffer.from(body), keys, now })).toBe("verified");
  });

  it("refuses a tampered body", () => {
    expect(check(signed, body.replace("x", "y"))).toBe("signature mismatch");
    expect(check(signed, `${body}\n`)).toBe("signature mismatch");
  });

  it("refuses a serial it does not know, and a key that is not the one for that serial", () => {
    expect(check({ ...signed, "Wechatpay-Serial": "PUB_KEY_ID_OTHER" })).toBe("unknown serial PUB_KEY_ID_OTHER");
    const forged = signResponse(generateKeyPair().privateKey, platform.serial, body, now);
    expect(check(forged)).toBe("signature mismatch");
  });

  it("names a missing header", () => {
    for (const name of ["Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Signature", "Wechatpay-Serial"]) {
      const partial: Record<string, string> = { ...signed };
      delete partial[name];
      expect(check(partial)).toBe(`missing ${name} header`);
    }
  });

  it("calls an answer with none of the signature headers unsigned", () => {
    expect(check({})).toBe("unsigned");
    expect(check({ "Request-ID": "x", "Content-Type": "application/json" })).toBe("unsigned");
  });

  it("refuses a timestamp more than five minutes off, or not a number", () => {
    expect(check(signed, body, now + 300)).toBe("verified");
    expect(check(signed, body, now + 301)).toBe("stale timestamp");
    expect(check(signed, body, now - 301)).toBe("stale timestamp");
    expect(verifyResponse({ headers: new Headers(signed), body, keys, now: now + 301, maxSkewSec: 600 })).toBe("verified");
    expect(check({ ...signed, "Wechatpay-Timestamp": "soon" })).toBe("stale timestamp");
  });

  it("fails WeChat's signature probes (WECHATPAY/SIGNTEST/…) instead of decoding what it can", () => {
    expect(check({ ...signed, "Wechatpay-Signature": `WECHATPAY/SIGNTEST/${signed["Wechatpay-Signature"]}` })).toBe("signature mismatch");
  });
});
