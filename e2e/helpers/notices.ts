// Correctly signed Bolink notices for the e2e server's test vendor (union_id 100000).
import { signData } from "../../lib/bolink/signature";

export const UKEY = "A1B2C3D4E5F60718";

/** Signs the data text exactly as given. */
export const signedRaw = (data: string) => `{"union_id":100000,"sign":"${signData(data, UKEY)}","data":${data}}`;

export function signedNotice(fields: Record<string, unknown>): string {
  return signedRaw(noticeData(fields));
}

export function noticeData(fields: Record<string, unknown>): string {
  return JSON.stringify({
    out_trade_no: `O-${String(fields.trade_no)}`,
    park_id: "E2E-PARK",
    amount: "88.00",
    arrive_money: "88.00",
    fee: "0.00",
    state: 1,
    pay_time: 1_793_000_000,
    account_type: 1,
    remark: "月卡续费",
    ...fields,
  });
}
