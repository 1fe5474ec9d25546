// Bolink as the fault suite needs it: unique, correctly signed month-card notices, and a sender
// that behaves like Bolink — it re-sends every notice until it is answered state 1.
import { randomBytes } from "node:crypto";
import { signData } from "@/lib/bolink/signature";
import { VENDOR } from "./app";

export type Notice = { tradeNo: string; outTradeNo: string; body: string };

export function makeNotices(count: number, label = randomBytes(3).toString("hex")): Notice[] {
  const payTime = Math.floor(Date.now() / 1000);
  return Array.from({ length: count }, (_, i) => {
    const tradeNo = `F${label}${String(i).padStart(6, "0")}`.toUpperCase();
    const outTradeNo = `O${label}${String(i).padStart(6, "0")}`;
    const fen = 1000 + (i % 50) * 100;
    const data = {
      trade_no: tradeNo,
      out_trade_no: outTradeNo,
      card_id: `C${label}${i % 500}`,
      park_id: `P${i % 7}`,
      car_number: `京A${String(i % 100000).padStart(5, "0")}`,
      amount: fen / 100,
      state: 1,
      pay_time: payTime,
      arrive_money: (fen - 10) / 100,
      fee: 0.1,
      account_type: 1,
      pay_company: 1,
      remark: `月卡续费-fault-${i}`,
      start_time: "2026-12-01",
      end_time: "2026-12-31",
    };
    const dataText = JSON.stringify(data);
    return { tradeNo, outTradeNo, body: `{"union_id":${VENDOR.unionId},"sign":"${signData(dataText, VENDOR.ukey)}","data":${dataText}}` };
  });
}

export type SendStats = {
  notices: number;
  requests: number;
  /** Notices answered state 1 (each counted once). */
  answered: number;
  /** Answers of state 1 to a copy: re-deliveries the app acknowledged without booking them again. */
  duplicatesAcknowledged: number;
  answeredState0: number;
  /** Requests that got no answer: refused, reset, timed out. */
  noAnswer: number;
  /** Answers that were not Bolink JSON, or HTTP ≥ 500. */
  badAnswers: string[];
};

export type SendOptions = {
  /** Where each request goes; several URLs are used in turn (two instances behind one sender). */
  urls: string[];
  concurrency: number;
  /** Give up re-sending after this long (the test then fails on what is unanswered). */
  deadlineMs: number;
  resendDelayMs?: number;
  timeoutMs?: number;
  /** Copies of each notice sent at once on its first round (a duplicate storm). */
  copies?: number;
  onAnswered?: (answeredSoFar: number, notice: Notice) => void;
};

/** Sends every notice until it is answered state 1 or the deadline passes. */
export async function sendLikeBolink(notices: Notice[], options: SendOptions): Promise<SendStats> {
  const stats: SendStats = { notices: notices.length, requests: 0, answered: 0, duplicatesAcknowledged: 0, answeredState0: 0, noAnswer: 0, badAnswers: [] };
  const deadline = Date.now() + options.deadlineMs;
  const queue = notices.map((notice) => ({ notice, round: 0 }));
  const done = new Set<string>();
  let turn = 0;

  async function post(notice: Notice): Promise<"ok" | "retry"> {
    stats.requests += 1;
    const url = options.urls[turn++ % options.urls.length];
    let response: Response;
    try {
      response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: notice.body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch {
      stats.noAnswer += 1;
      return "retry";
    }
    const text = await response.text().catch(() => null);
    if (text === null) {
      stats.noAnswer += 1;
      return "retry";
    }
    let answer: { state?: unknown; trade_no?: unknown };
    try {
      answer = JSON.parse(text);
    } catch {
      stats.badAnswers.push(`HTTP ${response.status}: ${text.slice(0, 200)}`);
      return "retry";
    }
    if (response.status >= 500) stats.badAnswers.push(`HTTP ${response.status}: ${text.slice(0, 200)}`);
    if (answer.state === 1 && answer.trade_no === notice.tradeNo) {
      if (done.has(notice.tradeNo)) {
        stats.duplicatesAcknowledged += 1;
      } else {
        done.add(notice.tradeNo);
        stats.answered += 1;
        options.onAnswered?.(stats.answered, notice);
      }
      return "ok";
    }
    stats.answeredState0 += 1;
    return "retry";
  }

  async function lane() {
    while (done.size < notices.length && Date.now() < deadline) {
      const item = queue.shift();
      if (!item) {
        await new Promise((resolve) => setTimeout(resolve, 20)); // another lane may re-queue its notice
        continue;
      }
      if (done.has(item.notice.tradeNo)) continue;
      const copies = item.round === 0 ? (options.copies ?? 1) : 1;
      const results = await Promise.all(Array.from({ length: copies }, () => post(item.notice)));
      if (!results.includes("ok")) {
        if (options.resendDelayMs) await new Promise((resolve) => setTimeout(resolve, options.resendDelayMs));
        queue.push({ notice: item.notice, round: item.round + 1 });
      }
    }
  }

  await Promise.all(Array.from({ length: options.concurrency }, lane));
  return stats;
}
