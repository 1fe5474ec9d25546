"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo } from "react";
import { AuditDetails } from "@/components/admin/audit-details";
import { useListTable } from "@/components/data-table/data-table";
import { ListView } from "@/components/data-table/list-view";
import { auditActionLabel } from "@/lib/i18n/audit";
import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import type { ListState } from "@/lib/list/params";
import type { AuditRow } from "@/lib/queries/audit";

type T = Pick<Messages, "audit" | "roles" | "parks" | "sync" | "table" | "list">;
const column = createColumnHelper<AuditRow>();

/** `actions`: the names that occur (and the one in the URL, even if none does), in words. */
export function getAuditColumns(t: T, actions: string[]) {
  const a = t.audit;
  return [
    column.accessor("at", {
      header: a.at,
      meta: { label: a.at, sort: "at", cellClassName: "tabular-nums", filters: [{ variant: "dateRange", from: "from", to: "to", labels: { from: t.list.from, to: t.list.to } }] },
      cell: (info) => formatDateTime(info.getValue()),
    }),
    column.accessor("actor", {
      header: a.actor,
      meta: { filters: [{ variant: "text", param: "actor", label: a.actor, className: "w-36" }] },
      cell: (info) => info.getValue() ?? <span className="text-slate-500">{a.system}</span>,
    }),
    column.accessor("action", {
      header: a.action,
      meta: { filters: [{ variant: "select", param: "action", label: a.action, options: actions.map((value) => ({ value, label: auditActionLabel(t, value) })) }] },
      cell: (info) => auditActionLabel(t, info.getValue()),
    }),
    column.accessor("target", {
      header: a.target,
      cell: (info) => (
        <span className="block max-w-48 truncate" title={info.getValue() ?? undefined}>
          {info.getValue() ?? "—"}
        </span>
      ),
    }),
    column.accessor("details", { header: a.details, meta: { cellClassName: "whitespace-normal" }, cell: (info) => <AuditDetails details={info.getValue()} t={t} /> }),
  ];
}

export function AuditTable({ rows, page, state, actions, t }: { rows: AuditRow[]; page: { next: string | null; prev: string | null }; state: ListState; actions: string[]; t: T }) {
  const current = state.values.action;
  const columns = useMemo(() => getAuditColumns(t, current && !actions.includes(current) ? [current, ...actions] : actions), [t, actions, current]);
  const table = useListTable({ rows, columns, getRowId: (row) => String(row.id) });
  return <ListView table={table} state={state} page={page} t={t} />;
}
