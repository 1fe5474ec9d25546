// The suite's one definition of "nothing lost, nothing twice", shared by every fault test.
import { expect } from "vitest";
import type { ReceivedCall } from "@/lib/wechatpay/simulator";
import type { Notice } from "./bolink";
import type { Ledger } from "./ledger";
import { deliveries } from "./wechat";

/** Every notice has exactly one renewal, with its fee entry and card period, and nothing else was booked. */
export function expectBookedOnce(ledger: Ledger, notices: Notice[]) {
  const wrong = notices.filter((notice) => ledger.renewalsByTrade.get(notice.tradeNo) !== 1).map((n) => n.tradeNo);
  expect(wrong, "notices not booked exactly once").toEqual([]);
  expect(ledger.renewals).toBe(notices.length);
  expect(ledger.feeEntries).toBe(notices.length);
  expect(ledger.cardPeriods).toBe(notices.length);
}

/**
 * Every booked payment ended synced on exactly one verified 204 that the worker received and
 * recorded, was never sent again after it, and every call for it carried the same body. Returns
 * how many payments WeChat accepted more than once: a call whose answer never reached us (the
 * app killed mid-call, a timeout that landed) is re-sent, as the spec allows, with the same
 * out_trade_no — that count is the at-least-once price and is reported, not hidden.
 */
export function expectPushedOnce(ledger: Ledger, calls: ReceivedCall[], notices: Notice[]): number {
  const notSynced = [...ledger.syncByOutTrade].filter(([, sync]) => sync.status !== "SYNCED");
  expect(notSynced, "syncs that did not end SYNCED").toEqual([]);
  const delivered = deliveries(calls);
  const missing = notices.filter((notice) => !delivered.get(notice.outTradeNo)?.verified).map((n) => n.outTradeNo);
  expect(missing, "payments WeChat never accepted").toEqual([]);

  const problems: string[] = [];
  for (const notice of notices) {
    const success = ledger.successes.get(notice.outTradeNo);
    if (!success || success.count !== 1 || !success.isLastAttempt) {
      problems.push(`${notice.outTradeNo}: ${success?.count ?? 0} recorded successes${success?.isLastAttempt === false ? ", attempts after one" : ""}`);
      continue;
    }
    const mine = calls.filter((call) => call.outTradeNo === notice.outTradeNo);
    if (mine.some((call) => Date.parse(call.at) > success.endedAt.getTime())) problems.push(`${notice.outTradeNo}: sent again after its verified 204`);
    if (new Set(mine.map((call) => call.body)).size !== 1) problems.push(`${notice.outTradeNo}: retried with a different body`);
  }
  expect(problems, "payments pushed more than once or inconsistently").toEqual([]);
  return [...delivered.values()].filter((entry) => entry.verified > 1).length;
}

/** One line per scenario with its figures, for the run's log and the closing note. */
export function report(scenario: string, figures: Record<string, unknown>) {
  console.log(`[faults] ${scenario}: ${JSON.stringify(figures)}`);
}
