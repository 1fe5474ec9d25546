// A booked Bolink renewal → the ext-payment body, exactly as the spec's mapping table says.
import type { FeeType } from "@/lib/generated/prisma";

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

const DAY_MS = 86_400_000;

/** QUARTERLY when start..end (inclusive) covers about three months (80–100 days), else MONTHLY. */
export function feeTypeOf(startDate: Date | null, endDate: Date | null): FeeType {
  if (startDate && endDate) {
    const days = Math.round((endDate.getTime() - startDate.getTime()) / DAY_MS) + 1;
    if (days >= 80 && days <= 100) return "EXT_PARKING_PAYMENT_FEE_TYPE_QUARTERLY";
  }
  return "EXT_PARKING_PAYMENT_FEE_TYPE_MONTHLY";
}

export function toExtPaymentBody(renewal: MappableRenewal, park: MappablePark): ExtPaymentBody {
  const outTradeNo = renewal.outTradeNo ?? renewal.tradeNo;
  if (!outTradeNo) throw new MappingError("the renewal has neither out_trade_no nor trade_no");
  if (renewal.amountFen < 1) throw new MappingError("WeChat Pay needs an amount of at least 1 fen");
  const body: ExtPaymentBody = {
    out_trade_no: outTradeNo.slice(0, 64),
    fee_items: [
      { fee_type: park?.feeTypeOverride ?? feeTypeOf(renewal.startDate, renewal.endDate), amount: renewal.amountFen },
    ],
    pay_time: Math.floor((renewal.payTime ?? renewal.receivedAt).getTime() / 1000),
  };
  if (park?.wxParkingLotId) body.wx_parking_lot_id = park.wxParkingLotId;
  if (renewal.payCompany === 0 && renewal.tradeNo) body.wx_trade_no = renewal.tradeNo;
  return body;
}
