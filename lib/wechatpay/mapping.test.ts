import { describe, expect, it } from "vitest";
import { MappingError, toExtPaymentBody, type MappableRenewal } from "@/lib/wechatpay/mapping";

const day = (text: string) => new Date(`${text}T00:00:00Z`);
const renewal: MappableRenewal = {
  outTradeNo: "OUT-1",
  tradeNo: "4200001234",
  amountFen: 12050,
  payTime: new Date(1_719_128_975_000),
  receivedAt: new Date(1_719_129_000_000),
  startDate: day("2026-11-01"),
  endDate: day("2026-11-30"),
  payCompany: 0,
};
const mapped = { wxParkingLotId: "WX-LOT-9", feeTypeOverride: null };

describe("toExtPaymentBody", () => {
  it("maps a monthly WeChat-paid renewal at a mapped park", () => {
    expect(JSON.stringify(toExtPaymentBody(renewal, mapped))).toBe(
      '{"out_trade_no":"OUT-1","fee_items":[{"fee_type":"EXT_PARKING_PAYMENT_FEE_TYPE_MONTHLY","amount":12050}],"pay_time":1719128975,"wx_parking_lot_id":"WX-LOT-9","wx_trade_no":"4200001234"}',
    );
  });

  it("recognises a quarter and lets the park override the fee type", () => {
    const quarter = { ...renewal, startDate: day("2026-01-01"), endDate: day("2026-03-31") };
    expect(toExtPaymentBody(quarter, mapped).fee_items[0].fee_type).toBe("EXT_PARKING_PAYMENT_FEE_TYPE_QUARTERLY");
    expect(toExtPaymentBody({ ...renewal, startDate: null, endDate: null }, null).fee_items[0].fee_type).toBe(
      "EXT_PARKING_PAYMENT_FEE_TYPE_MONTHLY",
    );
    const member = { wxParkingLotId: null, feeTypeOverride: "EXT_PARKING_PAYMENT_FEE_TYPE_MEMBER" as const };
    expect(toExtPaymentBody(quarter, member).fee_items[0].fee_type).toBe("EXT_PARKING_PAYMENT_FEE_TYPE_MEMBER");
  });

  it("omits wx_parking_lot_id for an unmapped park and wx_trade_no for Alipay payments", () => {
    const body = toExtPaymentBody({ ...renewal, payCompany: 1 }, null);
    expect(Object.keys(body)).toEqual(["out_trade_no", "fee_items", "pay_time"]);
    expect(Object.keys(toExtPaymentBody({ ...renewal, payCompany: null }, { wxParkingLotId: null, feeTypeOverride: null }))).toEqual([
      "out_trade_no",
      "fee_items",
      "pay_time",
    ]);
  });

  it("falls back to trade_no and to the receive time, and refuses what WeChat cannot take", () => {
    const body = toExtPaymentBody({ ...renewal, outTradeNo: null, payTime: null }, null);
    expect(body).toMatchObject({ out_trade_no: "4200001234", pay_time: 1_719_129_000 });
    expect(() => toExtPaymentBody({ ...renewal, outTradeNo: null, tradeNo: null }, null)).toThrow(MappingError);
    expect(() => toExtPaymentBody({ ...renewal, amountFen: 0 }, null)).toThrow(MappingError);
  });
});
