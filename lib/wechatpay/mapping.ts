// A booked Bolink renewal → the ext-payment body, as the spec's mapping table says.
export const FEE_TYPES = [
  "EXT_PARKING_PAYMENT_FEE_TYPE_UNKNOWN",
  "EXT_PARKING_PAYMENT_FEE_TYPE_MONTHLY",
  "EXT_PARKING_PAYMENT_FEE_TYPE_QUARTERLY",
  "EXT_PARKING_PAYMENT_FEE_TYPE_MEMBER",
] as const;

export type FeeType = (typeof FEE_TYPES)[number];

/** The columns of a Renewal row the mapping reads; dates are UTC-midnight calendar days. */
export type MappableRenewal = {
  outTradeNo: string | null;
  tradeNo: string | null;
  amountFen: number;
  payTime: Date | null;
  receivedAt: Date;
  startDate: Date | null;
  endDate: Date | null;
  payCompany: number | null;
};

export type MappablePark = { wxParkingLotId: string | null; feeTypeOverride: FeeType | null } | null;

export type ExtPaymentBody = {
  out_trade_no: string;
  fee_items: { fee_type: FeeType; amount: number }[];
  pay_time: number;
  wx_parking_lot_id?: string;
  wx_trade_no?: string;
};

export class MappingError extends Error {}

/** Bolink's pay_company for WeChat Pay: only then can trade_no be a WeChat transaction id. */
export const PAY_COMPANY_WECHAT = 0;

/**
 * A WeChat Pay transaction id (transaction_id): 28 digits starting 42. Bolink's trade_no is "a
 * third-party serial" and its own examples (M201WWEZXQ7TZPZ36U9W) are not one; sending such a value
 * as wx_trade_no would risk a 400 on every WeChat-paid renewal.
 */
export const WECHAT_TRANSACTION_ID = /^42\d{26}$/;

/** Inclusive day counts that read as "about three months": a quarter is 89–92 days; the rest is slack. */
export const QUARTER_DAYS = { min: 80, max: 100 } as const;

const DAY_MS = 86_400_000;
const MAX_ID_LENGTH = 64;

export function feeTypeOf(startDate: Date | null, endDate: Date | null): FeeType {
  if (startDate && endDate) {
    const days = Math.round((endDate.getTime() - startDate.getTime()) / DAY_MS) + 1;
    if (days >= QUARTER_DAYS.min && days <= QUARTER_DAYS.max) return "EXT_PARKING_PAYMENT_FEE_TYPE_QUARTERLY";
  }
  return "EXT_PARKING_PAYMENT_FEE_TYPE_MONTHLY";
}

export function toExtPaymentBody(renewal: MappableRenewal, park: MappablePark): ExtPaymentBody {
  const outTradeNo = present(renewal.outTradeNo) ?? present(renewal.tradeNo);
  if (!outTradeNo) throw new MappingError("the renewal has neither out_trade_no nor trade_no");
  // Cutting an id would push a different order number; an operator has to look at it instead.
  if (outTradeNo.length > MAX_ID_LENGTH) throw new MappingError(`out_trade_no is longer than ${MAX_ID_LENGTH} characters`);
  if (!Number.isSafeInteger(renewal.amountFen) || renewal.amountFen < 1) {
    throw new MappingError("WeChat Pay needs an amount of at least 1 fen");
  }
  const paidAt = (renewal.payTime ?? renewal.receivedAt).getTime();
  if (Number.isNaN(paidAt)) throw new MappingError("the renewal has no valid payment time");

  const body: ExtPaymentBody = {
    out_trade_no: outTradeNo,
    fee_items: [{ fee_type: park?.feeTypeOverride ?? feeTypeOf(renewal.startDate, renewal.endDate), amount: renewal.amountFen }],
    pay_time: Math.floor(paidAt / 1000),
  };
  const lotId = present(park?.wxParkingLotId);
  if (lotId) {
    if (lotId.length > MAX_ID_LENGTH) throw new MappingError(`the park's wx_parking_lot_id is longer than ${MAX_ID_LENGTH} characters`);
    body.wx_parking_lot_id = lotId;
  }
  const tradeNo = present(renewal.tradeNo);
  if (renewal.payCompany === PAY_COMPANY_WECHAT && tradeNo && WECHAT_TRANSACTION_ID.test(tradeNo)) body.wx_trade_no = tradeNo;
  return body;
}

/** The exact text sent, stored, and re-sent on every retry. */
export function serializeExtPaymentBody(body: ExtPaymentBody): string {
  return JSON.stringify(body);
}

function present(value: string | null | undefined): string | undefined {
  return value?.trim() || undefined;
}
