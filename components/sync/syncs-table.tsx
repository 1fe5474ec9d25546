"use client";
import { createColumnHelper, getCoreRowModel, useReactTable, type RowSelectionState } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useState } from "react";
import { ResendButton } from "@/components/sync/resend-button";
import { Badge, syncTone } from "@/components/ui/badge";
import { TableView } from "@/components/ui/table-view";
import { formatDateTime, formatFen } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import type { SyncRow } from "@/lib/queries/syncs";

const column = createColumnHelper<SyncRow>();

export function getSyncColumns(t: Pick<Messages, "renewals" | "sync" | "table">, canResend: boolean) {
  const columns = [
    column.accessor("status", {
      header: t.renewals.syncState,
      cell: (info) => <Badge tone={syncTone[info.getValue()]}>{t.sync.statuses[info.getValue()]}</Badge>,
    }),
    column.accessor((row) => row.renewal.payTime, { id: "payTime", header: t.renewals.payTime, cell: (info) => formatDateTime(info.getValue()) }),
    column.accessor((row) => row.renewal.parkId, { id: "park", header: t.renewals.park }),
    column.accessor((row) => row.renewal.carNumber, { id: "plate", header: t.renewals.plate, cell: (info) => info.getValue() ?? "—" }),
    column.accessor((row) => row.renewal.amountFen, { id: "amount", header: t.renewals.amount, cell: (info) => formatFen(info.getValue()) }),
    column.accessor("attemptCount", { header: t.sync.attemptCount }),
    column.accessor("lastCode", { header: t.sync.code, cell: (info) => info.getValue() ?? "—" }),
    column.accessor("lastError", {
      header: t.sync.lastError,
      cell: (info) => <span className="block max-w-72 truncate" title={info.getValue() ?? undefined}>{info.getValue() ?? "—"}</span>,
    }),
    column.accessor("nextAttemptAt", {
      header: t.sync.nextAttempt,
      cell: (info) => (info.row.original.status === "RETRYING" || info.row.original.status === "PENDING" ? formatDateTime(info.getValue()) : "—"),
    }),
    column.display({
      id: "open",
      header: () => <span className="sr-only">{t.table.details}</span>,
      cell: (info) => (
        <Link className="text-blue-700 hover:underline" href={`/renewals/${info.row.original.renewal.id}`}>
          {t.table.details}
        </Link>
      ),
    }),
  ];
  if (!canResend) return columns;
  return [
    column.display({
      id: "select",
      header: ({ table }) => (
        <input type="checkbox" aria-label={t.sync.selectAll} checked={table.getIsAllRowsSelected()} onChange={table.getToggleAllRowsSelectedHandler()} />
      ),
      cell: ({ row }) => (
        <input type="checkbox" aria-label={t.sync.selectRow} disabled={!row.getCanSelect()} checked={row.getIsSelected()} onChange={row.getToggleSelectedHandler()} />
      ),
    }),
    ...columns,
  ];
}

export function SyncsTable({ rows, t, canResend }: { rows: SyncRow[]; t: Pick<Messages, "renewals" | "sync" | "table">; canResend: boolean }) {
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const columns = useMemo(() => getSyncColumns(t, canResend), [t, canResend]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the table instance is rebuilt per render by design
  const table = useReactTable({
    data: rows,
    columns,
    state: { rowSelection },
    onRowSelectionChange: setRowSelection,
    enableRowSelection: (row) => row.original.status === "FAILED",
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
    manualPagination: true,
    manualFiltering: true,
  });
  const selected = table.getSelectedRowModel().rows.map((row) => row.original.id);
  return (
    <>
      {canResend ? (
        <div className="mb-2">
          <ResendButton ids={selected} labels={t.sync} label={`${t.sync.resendSelected} (${selected.length})`} />
        </div>
      ) : null}
      <TableView table={table} empty={t.table.noRows} rowTestId={(row) => `sync-${row.id}`} />
    </>
  );
}
