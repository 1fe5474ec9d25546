// The fee report's URL state, on the list kit: one definition for the page, its toolbar, the CSV
// export and the tests.
import { chinaDay } from "@/lib/list/dates";
import { defineListParams, param } from "@/lib/list/params";

export const FEE_GRANULARITIES = ["day", "month"] as const;

export const feesParams = defineListParams({
  filters: { by: param.oneOf(FEE_GRANULARITIES), from: param.day(), to: param.day(), park: param.text() },
  // Report rows are groups, not records: the cursor is the row's key, "period|park|channel".
  sorts: { period: "text" },
  defaultSort: "period",
});

export type FeesListQuery = ReturnType<typeof feesParams.parse>["query"];

/** A fee report request with its defaults filled in: this month so far (China time), by day. */
export type FeesQuery = Omit<FeesListQuery, "by" | "from" | "to"> & { by: (typeof FEE_GRANULARITIES)[number]; from: string; to: string };

export function feesQuery(list: FeesListQuery, now = new Date()): FeesQuery {
  const today = chinaDay(now);
  return { ...list, by: list.by ?? "day", from: list.from ?? `${today.slice(0, 8)}01`, to: list.to ?? today };
}

/** Parses a fee report URL (page, export, tests) straight to its query. */
export const parseFeesQuery = (raw: Record<string, string | string[] | undefined>) => feesQuery(feesParams.parse(raw).query);
