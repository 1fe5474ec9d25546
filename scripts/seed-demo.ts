// npm run seed:demo -- [--url http://localhost:3000/api/callbacks/bolink] [--renewals 1500]
// Fills a running console with a realistic year through the real callback endpoint: a handful of
// parks, month and quarter cards renewed over a year, some failed payments, a few re-deliveries
// (one with changed content) and some badly signed notices. Uses BOLINK_UNION_ID / BOLINK_UKEY.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { signData } from "../lib/bolink/signature";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
const { values } = parseArgs({ options: { url: { type: "string" }, renewals: { type: "string", default: "1500" } } });
const unionId = process.env.BOLINK_UNION_ID;
const ukey = process.env.BOLINK_UKEY;
if (!unionId || !ukey) {
  console.error("Set BOLINK_UNION_ID and BOLINK_UKEY (the same as for npm start) to sign the demo notices.");
  process.exit(2);
}
const url = values.url ?? `http://localhost:${process.env.PORT ?? 3000}/api/callbacks/bolink`;
const total = Number(values.renewals);

const PARKS = ["21845", "21846", "30012", "30013", "40101", "40102"];
const PROVINCES = "京沪粤浙苏川鄂湘";
let seed = 20261122;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)];
const plate = () => `${pick([...PROVINCES])}${pick([..."ABCDEFGH"])}${String(Math.floor(random() * 100_000)).padStart(5, "0")}`;
const day = (date: Date) => date.toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });

type Card = { id: string; plate: string; park: string; quarterly: boolean; color: number; company: number };
const cards: Card[] = Array.from({ length: Math.max(10, Math.round(total / 11)) }, (_, i) => ({
  id: `MC${String(i + 1).padStart(5, "0")}`,
  plate: plate(),
  park: pick(PARKS),
  quarterly: random() < 0.2,
  color: random() < 0.15 ? 4 : 0,
  company: random() < 0.8 ? 0 : 1,
}));

// Each card renews a few days before its period ends, from a year ago until today; now and
// then a payment fails and the owner pays again the next day.
const notices: string[] = [];
let firstData: Record<string, unknown> | undefined;
const DAY = 86_400_000;
for (const card of cards) {
  let end = new Date(Date.now() - (330 + Math.floor(random() * 60)) * DAY);
  end = new Date(`${day(end)}T00:00:00Z`);
  for (;;) {
    const start = new Date(end.getTime() + DAY);
    const next = new Date(start);
    next.setUTCMonth(next.getUTCMonth() + (card.quarterly ? 3 : 1));
    next.setUTCDate(next.getUTCDate() - 1);
    const payTime = new Date(start.getTime() - (1 + random() * 6) * DAY + random() * DAY);
    if (payTime.getTime() > Date.now() - 60_000 || notices.length >= total) break;
    const paid = random() > 0.04;
    const yuan = card.quarterly ? pick([750, 810, 900]) : pick([250, 270, 300]);
    const fee = Math.round(yuan * 0.6) / 100;
    const n = notices.length;
    const data = {
      service_name: "monthcard_pay",
      trade_no: `4200${String(payTime.getTime()).slice(-10)}${String(n).padStart(6, "0")}`,
      out_trade_no: `MC${day(payTime).replaceAll("-", "")}${String(n).padStart(6, "0")}`,
      card_id: card.id,
      park_id: card.park,
      car_number: card.plate,
      license_color: card.color,
      amount: yuan.toFixed(2),
      arrive_money: (yuan - fee).toFixed(2),
      fee: fee.toFixed(2),
      state: paid ? 1 : 0,
      pay_time: Math.floor(payTime.getTime() / 1000),
      account_type: 1,
      pay_company: card.company,
      pay_account: 1,
      remark: `月卡续费-${card.plate}`,
      start_time: day(start),
      end_time: day(next),
      attach: { source: "seed:demo" },
    };
    firstData ??= data;
    notices.push(body(data));
    if (paid) end = next;
  }
}
function body(data: Record<string, unknown>, sign?: string) {
  const text = JSON.stringify(data);
  return `{"union_id":${unionId},"sign":"${sign ?? signData(text, ukey!)}","data":${text}}`;
}

// Bolink re-sends: a few exact duplicates, one with a changed amount, and some forged signatures.
const duplicates = notices.slice(0, 20);
const changed = body({ ...firstData, amount: "1.00" });
const forged = Array.from({ length: 12 }, (_, i) => body({ trade_no: `FORGED${i}`, park_id: "21845", amount: "1.00" }, "0".repeat(32)));

const queue = [...notices, ...duplicates, changed, ...forged];
const answers = { 1: 0, 0: 0 } as Record<number, number>;
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: 8 }, async () => {
    while (next < queue.length) {
      const payload = queue[next++];
      const response = await fetch(url, { method: "POST", body: payload, headers: { "content-type": "application/json" } });
      const answer = (await response.json()) as { state: number };
      answers[answer.state] = (answers[answer.state] ?? 0) + 1;
    }
  }),
);
console.log(
  `Sent ${queue.length} notices to ${url} in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
    `${answers[1]} answered state 1 (${notices.length} renewals, ${duplicates.length + 1} re-deliveries), ${answers[0]} rejected (forged signatures).`,
);
