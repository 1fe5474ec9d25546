"use client";
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable, useListTable } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import type { VendorHealth } from "@/lib/queries/callback-health";

type T = Pick<Messages, "health" | "rejected" | "table" | "list">;
const column = createColumnHelper<VendorHealth>();
const count = "tabular-nums text-right";

export function getCallbackHealthColumns(t: T) {
  const h = t.health;
  return [
    column.accessor("unionId", {
      header: h.vendor,
      cell: (info) => (
        <span>
          <span className="font-mono">{info.getValue()}</span> {info.row.original.name ?? <Badge tone="red">{h.unknownVendor}</Badge>}
          {info.row.original.name && !info.row.original.enabled ? (
            <span className="ml-1">
              <Badge>{h.disabled}</Badge>
            </span>
          ) : null}
        </span>
      ),
    }),
    column.accessor("lastNoticeAt", { header: h.lastNotice, meta: { cellClassName: "tabular-nums" }, cell: (info) => (info.getValue() ? formatDateTime(info.getValue()) : h.never) }),
    column.accessor("lastHour", { header: h.lastHour, meta: { cellClassName: count } }),
    column.accessor("lastDay", { header: h.lastDay, meta: { cellClassName: count } }),
    column.accessor("rejectedReasons", {
      header: h.rejected,
      cell: (info) =>
        info.getValue().length ? (
          <ul className="space-y-0.5 whitespace-normal">
            {info.getValue().map((reason) => (
              <li key={reason.reason}>
                <Link
                  href={`/rejected?union=${encodeURIComponent(info.row.original.unionId)}&reason=${encodeURIComponent(reason.reason)}`}
                  className="text-red-700 hover:underline"
                >
                  {(t.rejected.reasons as Record<string, string>)[reason.reason] ?? reason.reason} × {reason.count}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          "0"
        ),
    }),
  ];
}

export function CallbackHealthTable({ rows, t }: { rows: VendorHealth[]; t: T }) {
  const table = useListTable({ rows, columns: getCallbackHealthColumns(t), getRowId: (row) => row.unionId });
  return <DataTable table={table} t={t} rowTestId={(row) => `vendor-health-${row.unionId}`} />;
}
