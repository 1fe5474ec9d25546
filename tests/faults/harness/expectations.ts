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
 * Every booked payment ended synced with a verified 204 from WeChat, and nothing was sent for it
 * after that 204 — except, when given, payments first accepted before `mayRepeatIfFirstBefore`
 * (in flight when the app died). Returns how many payments were sent again.
 */
export function expectPushedOnce(
  ledger: Ledger,
  calls: ReceivedCall[],
  notices: Notice[],
  options: { mayRepeatIfFirstBefore?: string } = {},
): number {
  const failed = [...ledger.syncByOutTrade].filter(([, sync]) => sync.status !== "SYNCED");
  expect(failed, "syncs that did not end SYNCED").toEqual([]);
  const delivered = deliveries(calls);
  const missing = notices.filter((notice) => !delivered.get(notice.outTradeNo)?.verified).map((n) => n.outTradeNo);
  expect(missing, "payments WeChat never accepted").toEqual([]);
  const repeated = [...delivered].filter(([, entry]) => entry.after > 0);
  const unexplained = repeated.filter(
    ([, entry]) => !options.mayRepeatIfFirstBefore || entry.firstVerifiedAt! >= options.mayRepeatIfFirstBefore,
  );
  expect(unexplained, "payments sent again after a verified 204").toEqual([]);
  return repeated.length;
}

/** One line per scenario with its figures, for the run's log and the closing note. */
export function report(scenario: string, figures: Record<string, unknown>) {
  console.log(`[faults] ${scenario}: ${JSON.stringify(figures)}`);
}
