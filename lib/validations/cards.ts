// The month-card list's URL state: one definition for the page, its toolbar, the CSV export and the tests.
import { defineListParams, param } from "@/lib/list/params";

export const CARD_STATUSES = ["expiring", "active", "expired"] as const;

export const cardsParams = defineListParams({
  filters: {
    status: param.oneOf(CARD_STATUSES),
    park: param.text(),
    /** Plate or card id: partial, any case. */
    q: param.text(),
  },
  // Days left is the period's end day: soonest first, the order an operator chases renewals in.
  sorts: { daysLeft: "day" },
  defaultSort: "daysLeft",
  defaultDir: "asc",
});

export type CardsQuery = ReturnType<typeof cardsParams.parse>["query"];
export type CardSort = CardsQuery["sort"];
