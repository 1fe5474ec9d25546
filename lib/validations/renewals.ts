// The renewals list's URL state: one definition for the page, its toolbar, the CSV export and the tests.
import { defineListParams, param, type ListQuery } from "@/lib/list/params";

export const SYNC_FILTERS = ["PENDING", "RETRYING", "SYNCED", "FAILED", "UNVERIFIED", "NONE"] as const;

export const renewalsParams = defineListParams({
  filters: {
    from: param.day(),
    to: param.day(),
    park: param.text(),
    /** Plate, card id, trade_no or out_trade_no: partial, any case. */
    q: param.text(),
    /** "none": Bolink sent no pay_company. */
    channel: param.oneOf(["0", "1", "none"]),
    payState: param.oneOf(["0", "1"]),
    sync: param.oneOf(SYNC_FILTERS),
    conflict: param.flag(),
    /** Paid renewals whose paid ≠ arrived + fee (or either missing): the fee report's mismatch flag links here. */
    mismatch: param.flag(),
  },
  sorts: { payTime: "date", amount: "int", park: "text" },
  defaultSort: "payTime",
});

export type RenewalsQuery = ReturnType<typeof renewalsParams.parse>["query"];
export type RenewalSort = RenewalsQuery["sort"];
export type { ListQuery };
