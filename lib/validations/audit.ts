// The audit trail's URL state: one definition for the page, its toolbar, the CSV export and the tests.
import { defineListParams, param } from "@/lib/list/params";

export const auditParams = defineListParams({
  filters: { from: param.day(), to: param.day(), action: param.text(), actor: param.text() },
  // Entries are written in time order, so the id is the time order, on the primary key.
  sorts: { at: "int" },
  defaultSort: "at",
});

export type AuditQuery = ReturnType<typeof auditParams.parse>["query"];
