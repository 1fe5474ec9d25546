// npm run bolink:send -- [--amount 120.50] [--park 21845] [--plate 京A47829] [--state 1] [--url …]
// Sends one correctly signed month-card renewal notice, as Bolink would, and prints the answer —
// so an operator can test a deployment end to end.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { signData } from "../lib/bolink/signature";

if (fs.existsSync(".env")) process.loadEnvFile(".env");

const { values } = parseArgs({
  options: {
    amount: { type: "string", default: "120.50" },
    park: { type: "string", default: "21845" },
    plate: { type: "string", default: "京A47829" },
    card: { type: "string" },
    state: { type: "string", default: "1" },
    "trade-no": { type: "string" },
    months: { type: "string", default: "1" },
    url: { type: "string" },
    "union-id": { type: "string", default: process.env.BOLINK_UNION_ID },
    ukey: { type: "string", default: process.env.BOLINK_UKEY },
    help: { type: "boolean", short: "h" },
  },
});

if (values.help) {
  console.log(
    "Usage: npm run bolink:send -- [--amount 120.50] [--park 21845] [--plate 京A47829] [--card ID] [--state 1|0]\n" +
      "         [--trade-no T] [--months 1] [--url http://localhost:3000/api/callbacks/bolink] [--union-id N --ukey KEY]\n" +
      "The vendor defaults to BOLINK_UNION_ID / BOLINK_UKEY (environment or .env). Re-send with the same\n" +
      "--trade-no to see a duplicate answered state 1 and booked once.",
  );
  process.exit(0);
}
if (!values["union-id"] || !values.ukey) {
  console.error("No vendor key: set BOLINK_UNION_ID and BOLINK_UKEY (as for npm start), or pass --union-id and --ukey.");
  process.exit(2);
}

const url = values.url ?? `${process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`}/api/callbacks/bolink`;
const now = new Date();
const day = (date: Date) => date.toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" }); // YYYY-MM-DD
const end = new Date(now);
end.setUTCMonth(end.getUTCMonth() + Number(values.months));
end.setUTCDate(end.getUTCDate() - 1);

const tradeNo = values["trade-no"] ?? `TEST${Date.now()}${randomBytes(3).toString("hex").toUpperCase()}`;
const data = {
  service_name: "monthcard_pay",
  trade_no: tradeNo,
  out_trade_no: `OUT${tradeNo}`,
  card_id: values.card ?? `CARD-${values.plate}`,
  park_id: values.park,
  car_number: values.plate,
  license_color: 0,
  amount: values.amount,
  arrive_money: values.amount,
  fee: "0.00",
  state: Number(values.state),
  pay_time: Math.floor(now.getTime() / 1000),
  account_type: 1,
  pay_company: 0,
  pay_account: 1,
  remark: `月卡续费-${values.plate}`,
  start_time: day(now),
  end_time: day(end),
  attach: { source: "bolink:send" },
};
const dataText = JSON.stringify(data);
const body = `{"union_id":${values["union-id"]},"sign":"${signData(dataText, values.ukey)}","data":${dataText}}`;

const started = performance.now();
const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
const answer = await response.text();
console.log(`POST ${url}\n${body}\n→ HTTP ${response.status} in ${Math.round(performance.now() - started)} ms\n${answer}`);
process.exit(response.ok && JSON.parse(answer).state === 1 ? 0 : 1);
