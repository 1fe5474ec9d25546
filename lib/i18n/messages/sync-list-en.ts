// The WeChat sync list and the stored sync error texts, in words (en). Spread into en.ts.
import type { syncListZhCN } from "./sync-list-zh-CN";

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const syncListEn: Widen<typeof syncListZhCN> = {
  syncList: {
    lastAttempt: "Last attempt",
    statusCards: "Filter by sync status",
    search: "Plate / card / trade no. / order no.",
    showDetails: "Expand",
    hideDetails: "Collapse",
    fullError: "Full error",
    roundTrigger: "Triggered by",
    allAttempts: "All attempts",
  },
  syncErrors: {
    gaveUp: "gave up after {n} attempts",
    unsignedFailed: "unsigned answer, {n} attempts",
    cannotMap: "cannot build the push",
    unsignedAnswer: "unsigned answer",
    unverifiable: "answer signature could not be checked ({check})",
    noAnswer: "no answer within {ms} ms",
    networkError: "network error",
    cutOff: "answer cut off",
    sep: ": ",
    mapping: {
      noOrderId: "the renewal has neither out_trade_no nor trade_no",
      orderIdTooLong: "out_trade_no is longer than {n} characters",
      amountTooSmall: "WeChat Pay needs an amount of at least 1 fen",
      noPayTime: "the renewal has no valid payment time",
      lotIdTooLong: "the park's wx_parking_lot_id is longer than {n} characters",
    },
  },
};
