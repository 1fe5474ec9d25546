import { describe, expect, it } from "vitest";
import { idempotencyKey } from "@/lib/bolink/idempotency";
import { parseNotice, serviceIsMonthcard } from "@/lib/bolink/parse-notice";

const SEED_DATA =
  '{"trade_no":"M201WWEZXQ7TZPZ36U9W","out_trade_no":"1230912903301550565509307","attach":{"order_id":"abc123"},"card_id":"12312991","park_id":"21845","amount":0.02,"state":1,"pay_time":1550565528,"arrive_money":0.02,"fee":0,"account_type":1,"remark":"收到月卡续费-测试一二三四五六七八九十-"}';
const SEED_BODY = `{"data":${SEED_DATA},"sign":"52B6348E27FD9452263C82AB718DFF94","union_id":100000}`;

const data = {
  trade_no: "T1",
  out_trade_no: "O1",
  park_id: 21845,
  amount: "0.01",
  state: "1",
  pay_time: "1550565528",
  arrive_money: 0.01,
  fee: 0,
  account_type: 1,
  remark: "r",
};
const body = (fields: Record<string, unknown> = {}, envelope: Record<string, unknown> = {}) =>
  JSON.stringify({ union_id: "100000", sign: "S", data: { ...data, ...fields }, ...envelope });

const reasonOf = (text: string) => {
  const result = parseNotice(text);
  return result.ok ? null : result.text;
};

describe("parseNotice", () => {
  it("parses the vendor's example into the notice and its exact data text", () => {
    expect(parseNotice(SEED_BODY)).toEqual({
      ok: true,
      dataText: SEED_DATA,
      notice: {
        unionId: "100000",
        sourceType: null,
        sign: "52B6348E27FD9452263C82AB718DFF94",
        serviceName: null,
        tradeNo: "M201WWEZXQ7TZPZ36U9W",
        outTradeNo: "1230912903301550565509307",
        parkId: "21845",
        cardId: "12312991",
        carNumber: null,
        licenseColor: null,
        payState: 1,
        amountFen: 2,
        arriveMoneyFen: 2,
        feeFen: 0,
        accountType: 1,
        payCompany: null,
        payAccount: null,
        payTime: new Date("2019-02-19T08:38:48Z"),
        startDate: null,
        endDate: null,
        remark: "收到月卡续费-测试一二三四五六七八九十-",
        attach: { order_id: "abc123" },
        extra: {},
      },
    });
    expect(parseNotice(`\uFEFF${SEED_BODY}`)).toMatchObject({ ok: true, dataText: SEED_DATA });
  });

  it("normalises numeric strings and numbers, keeps attach and unknown fields, treats null as absent", () => {
    const result = parseNotice(
      body({ attach: '{"a":1}', vendor_new_field: { x: [1] }, card_id: null, license_color: "4", car_number: null }),
    );
    expect(result).toMatchObject({
      ok: true,
      notice: {
        unionId: "100000",
        parkId: "21845",
        amountFen: 1,
        payState: 1,
        payTime: new Date(1_550_565_528_000),
        attach: '{"a":1}',
        cardId: null,
        carNumber: null,
        licenseColor: 4,
        extra: { vendor_new_field: { x: [1] } },
      },
    });
    expect(parseNotice(body({ attach: { order_id: "abc" } }))).toMatchObject({ notice: { attach: { order_id: "abc" } } });
    expect(parseNotice(body({}, { union_id: 100000, type: "1" }))).toMatchObject({ notice: { unionId: "100000", sourceType: 1 } });
    expect(parseNotice(body({}, { union_id: "0100000" }))).toMatchObject({ notice: { unionId: "100000" } });
    expect(parseNotice(body({ start_time: "2026-11-01", end_time: "2026-11-30", service_name: "monthcard_pay" }))).toMatchObject({
      notice: { startDate: "2026-11-01", endDate: "2026-11-30", serviceName: "monthcard_pay" },
    });
  });

  it("keeps every unknown field, even one named __proto__, as an own property", () => {
    const result = parseNotice(body().replace('"trade_no"', '"__proto__":{"x":1},"trade_no"'));
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.entries(result.notice.extra)).toEqual([["__proto__", { x: 1 }]]);
  });

  it.each(["union_id", "sign"])("names a missing envelope field: %s", (field) => {
    expect(reasonOf(body({}, { [field]: undefined }))).toBe(`missing field ${field}`);
  });

  it.each(["amount", "park_id"])("names a missing required field: %s", (field) => {
    expect(reasonOf(body({ [field]: undefined }))).toBe(`missing field data.${field}`);
    expect(reasonOf(body({ [field]: undefined }, { type: 1 }))).toBe(`missing field data.${field}`);
  });

  it.each(["state", "trade_no", "out_trade_no", "pay_time", "arrive_money", "fee", "account_type", "remark"])(
    "requires %s on a paid Bolink renewal",
    (field) => {
      expect(reasonOf(body({ [field]: undefined }))).toBe(`invalid field data.${field}: required for a Bolink month-card renewal`);
      expect(reasonOf(body({ [field]: null }))).toBe(`invalid field data.${field}: required for a Bolink month-card renewal`);
    },
  );

  it("stores a failed Bolink payment without the booking-only fields, but not without its identity", () => {
    const failed = { state: 0, arrive_money: undefined, fee: undefined, account_type: undefined, remark: undefined };
    expect(parseNotice(body(failed))).toMatchObject({ ok: true, notice: { payState: 0, arriveMoneyFen: null, remark: null } });
    expect(reasonOf(body({ ...failed, pay_time: undefined }))).toBe(
      "invalid field data.pay_time: required for a Bolink month-card renewal",
    );
  });

  it("lets a third-party notice (type 1) omit the Bolink-only fields; its missing state means paid", () => {
    const result = parseNotice(
      body({ state: undefined, trade_no: undefined, pay_time: undefined, remark: undefined }, { type: 1 }),
    );
    expect(result).toMatchObject({ ok: true, notice: { payState: 1, sourceType: 1, tradeNo: null, payTime: null } });
    expect(parseNotice(body({ state: 0 }, { type: 1 }))).toMatchObject({ notice: { payState: 0 } });
  });

  it.each([
    [{ amount: 0.001 }, "data.amount: more than 2 decimals"],
    [{ amount: true }, "data.amount: must be a number or a numeric string"],
    [{ arrive_money: "-0.01" }, "data.arrive_money: negative"],
    [{ pay_time: 1_550_565_528_000 }, "data.pay_time"],
    [{ pay_time: 1550565528.5 }, "data.pay_time"],
    [{ pay_time: "yesterday" }, "data.pay_time"],
    [{ state: 2 }, "data.state"],
    [{ state: "paid" }, "data.state"],
    [{ account_type: 1.5 }, "data.account_type"],
    [{ license_color: 9 }, "data.license_color"],
    [{ start_time: "2026-02-30" }, "data.start_time"],
    [{ end_time: "2026-1-5" }, "data.end_time"],
    [{ start_time: "2026-03-01", end_time: "2026-02-01" }, "data.end_time: before start_time"],
    [{ park_id: "" }, "data.park_id"],
    [{ park_id: "p".repeat(65) }, "data.park_id"],
    [{ park_id: 2 ** 53 }, "data.park_id"],
    [{ trade_no: ["T1"] }, "data.trade_no"],
    [{ car_number: "京".repeat(33) }, "data.car_number"],
    [{ remark: "x".repeat(501) }, "data.remark"],
    [{ remark: "a\u0000b" }, "data.remark: contains a NUL character"],
    [{ attach: 5 }, "data.attach"],
    [{ attach: [1] }, "data.attach"],
    [{ attach: { note: "a\u0000b" } }, "data.attach: contains a NUL character"],
  ])("rejects %o naming %s", (fields, expected) => {
    expect(reasonOf(body(fields))).toContain(`invalid field ${expected}`);
  });

  it.each([
    ["malformed JSON", '{"data":', "malformed JSON"],
    ["an array", "[1]", "body is not a JSON object"],
    ["no data", '{"union_id":1,"sign":"S"}', "missing field data"],
    ["data null", '{"union_id":1,"sign":"S","data":null}', "missing field data"],
    ["data a string", '{"union_id":1,"sign":"S","data":"{}"}', "data is not an object"],
    ["data an array", '{"union_id":1,"sign":"S","data":[{}]}', "data is not an object"],
    ["data twice", `{"union_id":1,"sign":"S","data":{},"data":${JSON.stringify(data)}}`, "data is ambiguous (more than one data key)"],
    ["union_id not numeric", body({}, { union_id: "abc" }), "invalid field union_id"],
    ["sign not a string", body({}, { sign: 1 }), "invalid field sign"],
  ])("rejects %s", (_name, text, expected) => {
    expect(reasonOf(text)).toContain(expected);
  });

  it("survives hostile nesting", () => {
    const deep = `{"union_id":1,"sign":"S","data":{"x":${"[".repeat(100_000)}${"]".repeat(100_000)}}}`;
    expect(reasonOf(body({ x: JSON.parse(`${"[".repeat(40)}${"]".repeat(40)}`) }))).toBe(
      "invalid unknown field in data: nested too deeply",
    );
    expect(() => parseNotice(deep)).not.toThrow();
  });

  it("never echoes the values or unknown keys it refuses, yet reports who sent them", () => {
    const secret = "<script>alert(1)</script>";
    for (const text of [
      body({ amount: secret, park_id: { [secret]: 1 } }),
      body({ [`${secret}\u0000`]: 1 }),
      body({ [`${secret}\ud800`]: 1 }),
      body({ extra: { [secret]: "\u0000" } }),
    ]) {
      const result = parseNotice(text);
      expect(result).toMatchObject({ ok: false, unionId: "100000", tradeNo: "T1" });
      if (!result.ok) expect(result.text).not.toContain("script");
    }
    // Identifiers unsafe to log (too long, control characters) are left out, not truncated.
    expect(parseNotice(body({ trade_no: "a\u0000b" }))).toEqual({
      ok: false,
      code: "invalid_field",
      field: "data.trade_no",
      text: "invalid field data.trade_no: contains a NUL character",
      unionId: "100000",
    });
    expect(parseNotice(body({}, { union_id: "9".repeat(65) }))).toEqual({
      ok: false,
      code: "invalid_field",
      field: "union_id",
      text: "invalid field union_id: wrong type or value",
      tradeNo: "T1",
    });
  });
});

describe("serviceIsMonthcard", () => {
  it("accepts an absent service name or monthcard_pay only", () => {
    expect(serviceIsMonthcard(null)).toBe(true);
    expect(serviceIsMonthcard("monthcard_pay")).toBe(true);
    expect(serviceIsMonthcard("parking_pay")).toBe(false);
  });
});

describe("idempotencyKey", () => {
  const notice = { unionId: "100000", tradeNo: null, outTradeNo: null };

  it("prefers trade_no, then out_trade_no, then a digest of the signed text, each scoped by union_id", () => {
    expect(idempotencyKey({ ...notice, tradeNo: "T1", outTradeNo: "O1" }, "{}")).toBe("t:100000:T1");
    expect(idempotencyKey({ ...notice, outTradeNo: "O1" }, "{}")).toBe("o:100000:O1");
    expect(idempotencyKey(notice, "{}")).toBe("d:100000:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    expect(idempotencyKey(notice, "{ }")).not.toBe(idempotencyKey(notice, "{}"));
    expect(idempotencyKey({ ...notice, unionId: "200000", tradeNo: "T1" }, "{}")).not.toBe(idempotencyKey({ ...notice, tradeNo: "T1" }, "{}"));
  });
});
