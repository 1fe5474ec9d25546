// Correctly signed, unique month-card renewal notices, as Bolink sends them (see scripts/bolink-send.ts).
import { signData } from "../lib/bolink/signature";

export const BENCH_UNION_ID = "100000";
export const BENCH_UKEY = "A1B2C3D4E5F60718";

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Notice `i` of run `run`: its own trade_no, one of 200 parks, one of 5,000 cards. */
export function signedNotice(run: string, i: number): { body: string; tradeNo: string } {
  const tradeNo = `B${run}-${i}`;
  const plate = `京B${String(i % 5000).padStart(5, "0")}`;
  const start = new Date(Date.UTC(2026, 10, 1 + (i % 28)));
  const end = new Date(start.getTime() + 29 * 86_400_000);
  const data = {
    service_name: "monthcard_pay",
    trade_no: tradeNo,
    out_trade_no: `OUT${tradeNo}`,
    card_id: `CARD-${run}-${i % 5000}`,
    park_id: String(20000 + (i % 200)),
    car_number: plate,
    license_color: 0,
    amount: "250.00",
    arrive_money: "248.50",
    fee: "1.50",
    state: 1,
    pay_time: Math.floor(Date.now() / 1000),
    account_type: 1,
    pay_company: i % 2,
    pay_account: 1,
    remark: `月卡续费-${plate}`,
    start_time: day(start),
    end_time: day(end),
    attach: { source: "bench" },
  };
  const dataText = JSON.stringify(data);
  return { body: `{"union_id":${BENCH_UNION_ID},"sign":"${signData(dataText, BENCH_UKEY)}","data":${dataText}}`, tradeNo };
}
