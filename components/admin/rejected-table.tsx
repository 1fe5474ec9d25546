"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo } from "react";
import { useListTable } from "@/components/data-table/data-table";
import { ListView } from "@/components/data-table/list-view";
import { isRejectReason, type RejectReason } from "@/lib/bolink/reject-reasons";
import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import type { ListState } from "@/lib/list/params";
import type { RejectedRow } from "@/lib/queries/rejected";

type T = Pick<Messages, "rejected" | "table" | "list">;
const column = createColumnHelper<RejectedRow>();
const mono = "font-mono text-xs";

/** The catalogue's text for a stored reason code; a code this version does not know is shown as is. */
export function reasonText(reasons: Messages["rejected"]["reasons"], code: string): string {
  return isRejectReason(code) ? reasons[code] : code;
}

/** `reasons`: every reason ever logged with its total (the totals outlive the log's pruning). */
export function getRejectedColumns(t: T, reasons: { reason: RejectReason; count: number }[]) {
  const r = t.rejected;
  const options = reasons.map(({ reason, count }) => ({ value: reason, label: count ? `${reasonText(r.reasons, reason)} (${count})` : reasonText(r.reasons, reason) }));
  return [
    column.accessor("receivedAt", {
      header: r.receivedAt,
      meta: { label: r.receivedAt, sort: "receivedAt", cellClassName: "tabular-nums", filters: [{ variant: "dateRange", from: "from", to: "to", labels: { from: t.list.from, to: t.list.to } }] },
      cell: (info) => formatDateTime(info.getValue()),
    }),
    column.accessor("reason", {
      header: r.reason,
      meta: { cellClassName: "max-w-64 whitespace-normal text-xs", filters: [{ variant: "select", param: "reason", label: r.reason, options }] },
      cell: (info) => (
        <>
          {reasonText(r.reasons, info.getValue())}
          {info.row.original.field ? <span className="ml-1 font-mono text-slate-600">{info.row.original.field}</span> : null}
        </>
      ),
    }),
    column.accessor("unionId", {
      header: r.unionId,
      meta: { cellClassName: mono, filters: [{ variant: "text", param: "union", label: r.unionId, className: "w-36 font-mono" }] },
      cell: (info) => info.getValue() ?? "—",
    }),
    column.accessor("tradeNo", { header: r.tradeNo, meta: { cellClassName: mono }, cell: (info) => info.getValue() ?? "—" }),
    column.accessor("remoteAddr", { header: r.remoteAddr, meta: { cellClassName: mono }, cell: (info) => info.getValue() ?? "—" }),
    column.accessor("bodyBytes", { header: r.bodyBytes, meta: { cellClassName: "text-right tabular-nums" } }),
    // Bodies are whatever anyone POSTed: rendered as text children only, which React escapes.
    column.accessor("body", {
      header: r.body,
      cell: (info) => {
        const body = info.getValue();
        if (!body) return "—";
        return (
          <details>
            <summary className="cursor-pointer select-none text-xs text-blue-700">{r.showBody}</summary>
            <pre className="mt-1 max-h-64 max-w-xl overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs" data-testid="rejected-body">
              {body}
            </pre>
            {new TextEncoder().encode(body).length < info.row.original.bodyBytes ? <p className="text-xs text-slate-500">{r.truncated}</p> : null}
          </details>
        );
      },
    }),
  ];
}

export function RejectedTable({
  rows,
  page,
  state,
  reasons,
  t,
}: {
  rows: RejectedRow[];
  page: { next: string | null; prev: string | null };
  state: ListState;
  reasons: { reason: RejectReason; count: number }[];
  t: T;
}) {
  const current = state.values.reason as RejectReason | undefined;
  const columns = useMemo(
    () => getRejectedColumns(t, current && !reasons.some((r) => r.reason === current) ? [{ reason: current, count: 0 }, ...reasons] : reasons),
    [t, reasons, current],
  );
  const table = useListTable({ rows, columns, getRowId: (row) => String(row.id) });
  return <ListView table={table} state={state} page={page} t={t} rowTestId={() => "rejected-row"} />;
}
