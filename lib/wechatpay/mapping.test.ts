import { describe, expect, it } from "vitest";
import { MappingError, serializeExtPaymentBody, toExtPaymentBody, type MappableRenewal } from "@/lib/wechatpay/mapping";

const WX_ID = "4200001234202611280123456789"; // WeChat transaction id form: 28 digits, starting 42
const day = (text: string) => new Date(`${text}T00:00:00Z`);
const renewal: MappableRenewal = {
  outTradeNo: "OUT-1",
  tradeNo: WX_ID,
  amountFen: 12050,
  payTime: new Date(1_719_128_975_000),
  receivedAt: new Date(1_719_129_000_000),
  startDate: day("2026-11-01"),
  endDate: day("2026-11-30"),
  payCompany: 0,
};
const mapped = { wxParkingLotId: "WX-LOT-9", feeTypeOverride: null };
const feeType = (startDate: string, endDate: string) =>
  toExtPaymentBody({ ...renewal, startDate: day(startDate), endDate: day(endDate) }, null).fee_items[0].fee_type;

describe("toExtPaymentBody", () => {
  it("maps a monthly WeChat-paid renewal at a mapped park, keys in the documented order", () => {
    expect(serializeExtPaymentBody(toExtPaymentBody(renewal, mapped))).toBe(
      '{"out_trade_no":"OUT-1","fee_items":[{"fee_type":"EXT_PARKING_PAYMENT_FEE_TYPE_MONTHLY","amount":12050}],"pay_time":1719128975,"wx_parking_lot_id":"WX-LOT-9","wx_trade_no":"4200001234202611280123456789"}',
    );
  });

  it("reads 80 to 100 days (inclusive) as a quarter, anything else as a month", () => {
    expect(feeType("2026-01-01", "2026-03-31")).toBe("EXT_PARKING_PAYMENT_FEE_TYPE_QUARTERLY"); // 90 days
    expect(feeType("2026-01-01", "2026-03-21")).toBe("EXT_PARKING_PAYMENT_FEE_TYPE_QUARTERLY"); // 80
    expect(feeType("2026-01-01", "2026-04-10")).toBe("EXT_PARKING_PAYMENT_FEE_TYPE_QUARTERLY"); // 100
    expect(feeType("2026-01-01", "2026-03-20")).toBe("EXT_PARKING_PAYMENT_FEE_TYPE_MONTHLY"); // 79
    expect(feeType("2026-01-01", "2026-04-11")).toBe("EXT_PARKING_PAYMENT_FEE_TYPE_MONTHLY"); // 101
    expect(feeType("2026-02-01", "2026-02-28")).toBe("EXT_PARKING_PAYMENT_FEE_TYPE_MONTHLY");
    expect(feeType("2026-01-01", "2026-12-31")).toBe("EXT_PARKING_PAYMENT_FEE_TYPE_MONTHLY");
    expect(toExtPaymentBody({ ...renewal, startDate: null, endDate: null }, null).fee_items[0].fee_type).toBe(
      "EXT_PARKING_PAYMENT_FEE_TYPE_MONTHLY",
    );
  });

  it("lets the park's override win", () => {
    const quarter = { ...renewal, startDate: day("2026-01-01"), endDate: day("2026-03-31") };
    const member = { wxParkingLotId: null, feeTypeOverride: "EXT_PARKING_PAYMENT_FEE_TYPE_MEMBER" as const };
    expect(toExtPaymentBody(quarter, member).fee_items[0].fee_type).toBe("EXT_PARKING_PAYMENT_FEE_TYPE_MEMBER");
    const monthly = { wxParkingLotId: "L", feeTypeOverride: "EXT_PARKING_PAYMENT_FEE_TYPE_MONTHLY" as const };
    expect(toExtPaymentBody(quarter, monthly).fee_items[0].fee_type).toBe("EXT_PARKING_PAYMENT_FEE_TYPE_MONTHLY");
  });

  it("omits wx_parking_lot_id for an unmapped park (no key, not null)", () => {
    for (const park of [null, { wxParkingLotId: null, feeTypeOverride: null }, { wxParkingLotId: " ", feeTypeOverride: null }]) {
      const body = toExtPaymentBody(renewal, park);
      expect(Object.keys(body)).toEqual(["out_trade_no", "fee_items", "pay_time", "wx_trade_no"]);
      expect(serializeExtPaymentBody(body)).not.toContain("wx_parking_lot_id");
    }
  });

  it("sends wx_trade_no only for WeChat Pay payments (pay_company 0)", () => {
    expect(toExtPaymentBody(renewal, mapped).wx_trade_no).toBe(WX_ID);
    for (const payCompany of [1, 2, null]) {
      expect(Object.keys(toExtPaymentBody({ ...renewal, payCompany }, mapped))).toEqual(["out_trade_no", "fee_items", "pay_time", "wx_parking_lot_id"]);
    }
    expect(Object.keys(toExtPaymentBody({ ...renewal, tradeNo: null }, null))).toEqual(["out_trade_no", "fee_items", "pay_time"]);
  });

  it("sends wx_trade_no only when trade_no has the form of a WeChat transaction id (28 digits, 42…)", () => {
    // Bolink's own examples of trade_no, and near misses of WeChat's form.
    for (const tradeNo of ["M201WWEZXQ7TZPZ36U9W", "201712125566359777", "4200001234", `${WX_ID}0`, WX_ID.slice(0, -1), `41${WX_ID.slice(2)}`, `${WX_ID.slice(0, -1)}X`]) {
      const body = toExtPaymentBody({ ...renewal, tradeNo }, mapped);
      expect(body).not.toHaveProperty("wx_trade_no");
      expect(body.out_trade_no).toBe("OUT-1");
    }
    expect(toExtPaymentBody({ ...renewal, tradeNo: ` ${WX_ID} ` }, mapped).wx_trade_no).toBe(WX_ID);
  });

  it("falls back to trade_no for out_trade_no and to the receive time for pay_time", () => {
    expect(toExtPaymentBody({ ...renewal, outTradeNo: null, payTime: null }, null)).toMatchObject({ out_trade_no: WX_ID, pay_time: 1_719_129_000 });
    expect(toExtPaymentBody({ ...renewal, outTradeNo: "", payCompany: 1 }, null).out_trade_no).toBe(WX_ID);
  });

  it("refuses what WeChat cannot take, with a MappingError", () => {
    expect(() => toExtPaymentBody({ ...renewal, outTradeNo: null, tradeNo: null }, null)).toThrow(MappingError);
    expect(() => toExtPaymentBody({ ...renewal, outTradeNo: "  ", tradeNo: "" }, null)).toThrow("neither out_trade_no nor trade_no");
    for (const amountFen of [0, -100, 12.5]) expect(() => toExtPaymentBody({ ...renewal, amountFen }, null)).toThrow(MappingError);
    // Never cut an id: a shortened out_trade_no would be another order's number.
    expect(() => toExtPaymentBody({ ...renewal, outTradeNo: "X".repeat(65) }, null)).toThrow("out_trade_no is longer than 64");
    expect(toExtPaymentBody({ ...renewal, outTradeNo: "X".repeat(64) }, null).out_trade_no).toHaveLength(64);
    expect(() => toExtPaymentBody(renewal, { wxParkingLotId: "L".repeat(65), feeTypeOverride: null })).toThrow(MappingError);
  });
});
