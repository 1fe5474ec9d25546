import { describe, expect, it } from "vitest";
import { extractRawDataText } from "@/lib/bolink/raw-data";
import { signData, verifySignature } from "@/lib/bolink/signature";

const UKEY = "A1B2C3D4E5F60718";
const SEED_BODY =
  '{"data":{"trade_no":"M201WWEZXQ7TZPZ36U9W","out_trade_no":"1230912903301550565509307","attach":{"order_id":"abc123"},"card_id":"12312991","park_id":"21845","amount":0.02,"state":1,"pay_time":1550565528,"arrive_money":0.02,"fee":0,"account_type":1,"remark":"收到月卡续费-测试一二三四五六七八九十-"},"sign":"52B6348E27FD9452263C82AB718DFF94","union_id":100000}';

describe("Bolink signature", () => {
  it("matches the spec's test vector over the raw data text of the vendor's example", () => {
    const dataText = extractRawDataText(SEED_BODY)!;
    expect(dataText.startsWith('{"trade_no":"M201WWEZXQ7TZPZ36U9W"')).toBe(true);
    expect(dataText.endsWith('"remark":"收到月卡续费-测试一二三四五六七八九十-"}')).toBe(true);
    expect(signData(dataText, UKEY)).toBe("06510C5527AD8DA8180801CB80A45B4E");
    expect(verifySignature(dataText, "06510C5527AD8DA8180801CB80A45B4E", UKEY)).toBe(true);
    expect(verifySignature(dataText, "06510c5527ad8da8180801cb80a45b4e", UKEY)).toBe(true);
    // The vendor's own sign was made with a key we do not have.
    expect(verifySignature(dataText, "52B6348E27FD9452263C82AB718DFF94", UKEY)).toBe(false);
  });

  it("verifies reordered, spaced, \\u-escaped data against its own raw text, not a re-serialisation", () => {
    const dataText = '{ "park_id" : "21845",\n  "amount": 0.20, "remark": "\\u6536\\u5230", "trade_no":"X1" }';
    const body = `{"union_id": 100000, "data": ${dataText} , "sign": "${signData(dataText, UKEY)}"}`;
    const raw = extractRawDataText(body)!;
    expect(raw).toBe(dataText);
    const sign = JSON.parse(body).sign as string;
    expect(verifySignature(raw, sign, UKEY)).toBe(true);
    const reserialised = JSON.stringify(JSON.parse(body).data);
    expect(reserialised).not.toBe(dataText);
    expect(verifySignature(reserialised, sign, UKEY)).toBe(false);
  });

  it("refuses malformed signs without throwing", () => {
    for (const sign of ["", "XYZ", "0".repeat(31), "0".repeat(33), "G".repeat(32), "０".repeat(32)]) {
      expect(verifySignature("{}", sign, UKEY)).toBe(false);
    }
    expect(verifySignature("{}", signData("{}", "another-key"), UKEY)).toBe(false);
  });
});
