// Known-answer test: WeChat Pay's own worked example of an APIv3 request signature, so a shared
// misunderstanding between our signer and our simulator (which share code) cannot pass unnoticed.
//
// Source: WeChat Pay APIv3 documentation, "签名生成" (pay.weixin.qq.com/doc/v3/merchant/4012365336),
// which publishes a test merchant private key, the JSAPI order request below (timestamp 1554208460,
// nonce 593BEC0C930BF1AFEB40B4A08C8FB242) and the signature and Authorization header it yields.
// The same vector is used as an oracle by several independent SDK test suites (e.g. Rust and TS
// WeChat Pay clients found by code search); it is documentation test data, not anyone's real key.
// The PEM label is "TESTING KEY" so secret scanners do not flag it (as wechatpay-go's tests do).
import { createPrivateKey, createPublicKey, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildAuthorization, parseAuthorization } from "@/lib/wechatpay/signing";

const DOCUMENTATION_TEST_KEY = `-----BEGIN TESTING KEY-----
MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQCm2mb6q8gMKH/3
CNTbpJAIrbqiBiQGEOtjGcBrDYltsGynWgNscqT7WvfzU14FQbYcQUC5T4Wvva7m
i3fIp3OgX8VqMDNA0qebnr38Pe6kqiLyZgFpJPXlSKDyPyqhRbVTbXssvSMQeVKc
dXeVxoNNeoOlNFHgF/P0io6AmAVnz+hN8SiZKuOsth5/zUTLGvtkgxBcQooQrtXh
RcpLT798OyIb9xeJ2HO3xRtMv2+perEzb4gMibI74UBz+2QEbnkubPE+2jU2rRZu
dnNEz/BPOt3Qj/w2V6/G0VumGDh6+UeMU0jv4aupHztWITC4Akn0l7lBCNy3lgl8
VFaJnkIxAgMBAAECggEAYGL8aESB7NwciDWW2UdoWUsa7GxFtSdjAz2mFXGdeTsY
mVh7b9OOkRGM+Qio4LqEHDBp1mMk5E/cUJwy1zw8pGGO5nfvs7u9TT3XnHaefIs4
YvUgTYAneIuLRkXNN5rQU+CD7mVYczTSz0Vgjqo9wa1LjUz7G0xbBmJgTdMEFGJs
eJjy6AbJo0CGIwp6HJbTm4CmOUgXnnDAIbEGTIRImkZFH/rzneIeR7oZ77FVwxr1
CZB2gfRCov/yRPbw8vnryYkmvQ7D/ze3j5097vRg/MoDGBSdoOwcmo75vyofr0AS
zytMjmHYyifqkf5slPropSiJeGf4p/7gtKyF6dE/XQKBgQDVAlJ+4U5ZVGOuDc3+
sAhz8CTzgFNlq9vKuSoFK6hOz2L+cwj+E7NXGkOe2DsHHZNy2Xqxk7caKhPEp1z9
hhpMpyLVMoFt6CKemyoRBWDCQwLLwem9SZF/IAyovBkLiH36P42Jm26gUkNMKC/5
Zhtqxf6RZgRQzbVudJi47vIRCwKBgQDIh0+v27Oo+DM3fhObH4I1NrXpWOEGH7OQ
G1dEsMuFYF4hjGhg0kBEP3w9vVdl2+mRllZKTsx9oqjb8OibPLLIH8xsdbAB0WLf
JvjLu4wl/ILUzN1RI03dWnnv2EnEeQn6c3hizvrJ9wR5U4ue9RPVnQooJ0hZF1PU
uCL5fWK3MwKBgElReU/PAYbh80WP3t3Rfbdaa32dKBeQ5iCLR5lsA4zM+YgX1HqQ
EWTj126vgvHaDkyz6vWAoL/Sx+cirHFfXWIRDX5Q2hgYlQH+6qXdMgbrxeSYpHnQ
/tHBGFpkFELSAnrGsVMyOwvYBO4LzyeLK9i+ufcWJFoj1FVmsMLHDG8tAoGARdbi
iQQCoYG4DMarO2aQ6cmhN6EN1h0qY7EyBqlwaIZ0okiNfdMcMOjPc41DKCWcRmlO
qlihXcxN9TQFPzO3rH1urAOdBjUPs1qWYhZyrDQyuLyVBBJApyxAtajloDjrob+f
mQIvVDHk7ACN6xG+E7K6+9salnTKbJapD618uQMCgYBNy6XUvzLkP/A1U/UZdtcx
l8GwU/dturLxz4CyGbqDw4ubaYY2e13lnqHUqQgPtiSyH51nq3tdo8G0YAJdfkSv
KvnfslW91fyEBUKnkdW1o3/1UFU/wprZ7ixVL/F42A4xDu7OFE8EnweJOZ0jWceE
OdhCkaIGBCfRnlECRK8UyQ==
-----END TESTING KEY-----`;

const privateKey = createPrivateKey(DOCUMENTATION_TEST_KEY.replaceAll("TESTING KEY", "PRIVATE KEY"));

const documented = {
  mchid: "1900007291",
  serialNo: "408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB",
  method: "POST",
  pathWithQuery: "/v3/pay/transactions/jsapi",
  timestamp: 1554208460,
  nonce: "593BEC0C930BF1AFEB40B4A08C8FB242",
  body: '{"appid":"wxd678efh567hg6787","mchid":"1900007291","description":"Image形象店-深圳腾大-QQ公仔","out_trade_no":"1217752501201407033233368018","notify_url":"https://www.weixin.qq.com/wxpay/pay.php","amount":{"total":100,"currency":"CNY"},"payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}}',
};
const DOCUMENTED_SIGNATURE =
  "jnks4dlrPw3ZX+ozVvSK39oa0t7OMBsg83BHAwd8BRdUFiVaQNTLTvci+wURgP1OQBbKYhFGvt7iqYpDSTQkp7Uq1sltaQKyncCyrA1g88m5bsKERQfPyT0ahSwKTYJ1CAn9QiJuSJRq1QsQs07eehbU/k9BCS51jTyc1Jpsi2H77HF9f/BnjXAOP3/sPObg6V5Ee4EzwLox684hhuMuIwHo7D8KFk3LIHOKDcNI4It1aCXydFWNpNK+SG86VUDe5kwoDpw4Ulqfu9z8OFDGbDs9TCxEv8iqQzbpxOlEVoOe2kalSYM5kApQb3nZcxdUtoE0liJGW3RGUNE0t4v01A==";

describe("APIv3 request signature against WeChat Pay's documented example", () => {
  it("gives exactly the documented signature, in the documented Authorization header", () => {
    const header = buildAuthorization({ ...documented, privateKey });
    expect(parseAuthorization(header)).toEqual({
      mchid: "1900007291",
      nonce_str: "593BEC0C930BF1AFEB40B4A08C8FB242",
      signature: DOCUMENTED_SIGNATURE,
      timestamp: "1554208460",
      serial_no: "408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB",
    });
    expect(header.startsWith("WECHATPAY2-SHA256-RSA2048 ")).toBe(true);
  });

  it("signs the documented message: METHOD, URL, TIMESTAMP, NONCE and BODY, each followed by \\n", () => {
    const message = `POST\n/v3/pay/transactions/jsapi\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n${documented.body}\n`;
    const publicKey = createPublicKey(privateKey);
    expect(verify("sha256", Buffer.from(message, "utf8"), publicKey, Buffer.from(DOCUMENTED_SIGNATURE, "base64"))).toBe(true);
    // One byte off (no final newline) and the documented signature no longer matches.
    expect(verify("sha256", Buffer.from(message.slice(0, -1), "utf8"), publicKey, Buffer.from(DOCUMENTED_SIGNATURE, "base64"))).toBe(false);
  });

  it("changes with any signed field", () => {
    for (const change of [{ body: documented.body.replace("100", "101") }, { timestamp: 1554208461 }, { nonce: "593BEC0C930BF1AFEB40B4A08C8FB243" }, { pathWithQuery: "/v3/pay/transactions/app" }]) {
      expect(parseAuthorization(buildAuthorization({ ...documented, ...change, privateKey }))!.signature).not.toBe(DOCUMENTED_SIGNATURE);
    }
  });
});
