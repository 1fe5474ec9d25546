// The rejected-callback log's URL state, for the page, its toolbar and the tests.
import { REJECT_REASONS } from "@/lib/bolink/reject-reasons";
import { defineListParams, param } from "@/lib/list/params";

export const rejectedParams = defineListParams({
  filters: { from: param.day(), to: param.day(), reason: param.oneOf(REJECT_REASONS), union: param.text() },
  // Rows are logged in arrival order, so the id is the time order, on the primary key.
  sorts: { receivedAt: "int" },
  defaultSort: "receivedAt",
});

export type RejectedQuery = ReturnType<typeof rejectedParams.parse>["query"];
