"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, useListTable } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import type { DeliveryRow } from "@/lib/queries/alerts";

type T = Pick<Messages, "alerts" | "table" | "list">;
const column = createColumnHelper<DeliveryRow>();
const tone = { PENDING: "blue", SENT: "green", FAILED: "red" } as const;

export function getDeliveryColumns(t: T, channelNames: Record<string, string>) {
  const p = t.alerts.page;
  return [
    column.accessor("createdAt", { header: p.deliveryAt, meta: { cellClassName: "tabular-nums" }, cell: (info) => formatDateTime(info.getValue()) }),
    column.accessor("channel", { header: p.deliveryChannel, cell: (info) => channelNames[info.getValue()] ?? info.getValue() }),
    column.accessor("event", { header: p.deliveryEvent, cell: (info) => p.events[info.getValue().split(":")[0] as keyof typeof p.events] ?? info.getValue() }),
    column.accessor("title", { header: p.deliveryTitle, cell: (info) => <span className="block max-w-md truncate" title={info.getValue()}>{info.getValue()}</span> }),
    column.accessor("status", {
      header: p.deliveryStatus,
      cell: (info) => {
        const status = info.getValue() as keyof typeof tone;
        return <Badge tone={tone[status] ?? "slate"}>{p.statuses[status] ?? status}</Badge>;
      },
    }),
    column.accessor("attempts", { header: p.deliveryAttempts, meta: { cellClassName: "tabular-nums text-right" } }),
    column.accessor("lastError", {
      header: p.deliveryError,
      cell: (info) => <span className="block max-w-sm whitespace-normal break-all text-xs text-red-700">{info.getValue() ?? ""}</span>,
    }),
  ];
}

export function DeliveriesTable({ rows, channelNames, t }: { rows: DeliveryRow[]; channelNames: Record<string, string>; t: T }) {
  const table = useListTable({ rows, columns: getDeliveryColumns(t, channelNames), getRowId: (row) => String(row.id) });
  return <DataTable table={table} t={t} rowTestId={(row) => `delivery-${row.id}`} />;
}
