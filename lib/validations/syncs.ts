// The WeChat sync list's URL state: one definition for the page, its toolbar, the CSV export and the tests.
import { defineListParams, param } from "@/lib/list/params";

export const SYNC_STATUSES = ["PENDING", "RETRYING", "SYNCED", "FAILED", "UNVERIFIED"] as const;

export const syncsParams = defineListParams({
  filters: {
    status: param.oneOf(SYNC_STATUSES),
    /** WeChat's error code of the last answer (the failures page links here with it). */
    code: param.text(),
    park: param.text(),
    from: param.day(),
    to: param.day(),
    /** Plate, card id, trade_no or out_trade_no of the renewal: partial, any case. */
    q: param.text(),
  },
  // lastAttempt: when the last attempt's outcome (or a resend) was recorded; payTime: the renewal's.
  sorts: { lastAttempt: "date", payTime: "date" },
  defaultSort: "lastAttempt",
});

export type SyncsQuery = ReturnType<typeof syncsParams.parse>["query"];
export type SyncSort = SyncsQuery["sort"];
