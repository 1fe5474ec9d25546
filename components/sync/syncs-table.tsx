"use client";
import { createColumnHelper, type RowSelectionState } from "@tanstack/react-table";
import { ChevronDown, ChevronRight } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useListTable } from "@/components/data-table/data-table";
import { ListView } from "@/components/data-table/list-view";
import { ParkLabel } from "@/components/data-table/park-label";
import type { ParkOption } from "@/components/data-table/types";
import { ResendButton } from "@/components/sync/resend-button";
import { Badge, syncTone } from "@/components/ui/badge";
import { formatDateTime, formatFen } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import { signatureText } from "@/lib/i18n/signature";
import { syncErrorText } from "@/lib/i18n/sync-error";
import type { ListState } from "@/lib/list/params";
import type { SyncRow } from "@/lib/queries/syncs";
import { SYNC_STATUSES } from "@/lib/validations/syncs";

type T = Pick<Messages, "renewals" | "sync" | "syncList" | "syncErrors" | "table" | "list">;
const column = createColumnHelper<SyncRow>();

/** A time an attempt was made: the last outcome (or resend) was recorded then. */
const attempted = (row: SyncRow) => row.attemptCount > 0 || row.status === "FAILED";

export function getSyncColumns(t: T, canResend: boolean, parkNames: Map<string, string | null>) {
  const r = t.renewals;
  const s = t.sync;
  const columns = [
    column.display({
      id: "expand",
      header: () => <span className="sr-only">{t.syncList.showDetails}</span>,
      cell: ({ row }) => (
        <button
          type="button"
          className="rounded p-0.5 text-slate-500 hover:bg-slate-200"
          aria-expanded={row.getIsExpanded()}
          aria-label={`${row.getIsExpanded() ? t.syncList.hideDetails : t.syncList.showDetails} ${row.original.renewal.tradeNo ?? row.original.id}`}
          onClick={row.getToggleExpandedHandler()}
        >
          {row.getIsExpanded() ? <ChevronDown className="h-4 w-4" aria-hidden /> : <ChevronRight className="h-4 w-4" aria-hidden />}
        </button>
      ),
    }),
    column.accessor("updatedAt", {
      header: t.syncList.lastAttempt,
      meta: { label: t.syncList.lastAttempt, sort: "lastAttempt", cellClassName: "tabular-nums" },
      cell: (info) => (attempted(info.row.original) ? formatDateTime(info.getValue()) : "—"),
    }),
    column.accessor("status", {
      header: r.syncState,
      meta: { filters: [{ variant: "select", param: "status", label: r.syncState, options: SYNC_STATUSES.map((value) => ({ value, label: s.statuses[value] })) }] },
      cell: (info) => <Badge tone={syncTone[info.getValue()]}>{s.statuses[info.getValue()]}</Badge>,
    }),
    column.accessor((row) => row.renewal.payTime ?? row.renewal.bookedAt, {
      id: "payTime",
      header: r.payTime,
      meta: { label: r.payTime, sort: "payTime", filters: [{ variant: "dateRange", from: "from", to: "to", labels: { from: r.from, to: r.to } }] },
      cell: (info) => (
        <Link className="tabular-nums text-blue-700 underline-offset-2 hover:underline" href={`/renewals/${info.row.original.renewal.id}`} aria-label={`${t.table.details} ${info.row.original.renewal.tradeNo ?? info.row.original.renewal.id}`}>
          {formatDateTime(info.getValue())}
        </Link>
      ),
    }),
    column.accessor((row) => row.renewal.parkId, {
      id: "park",
      header: r.park,
      meta: { filters: [{ variant: "park", param: "park", label: r.park }] },
      cell: (info) => <ParkLabel parkId={info.getValue()} name={parkNames.get(info.getValue())} />,
    }),
    column.accessor((row) => row.renewal.carNumber, {
      id: "plate",
      header: r.plate,
      meta: { filters: [{ variant: "text", param: "q", label: t.syncList.search, className: "w-56" }] },
      cell: (info) => info.getValue() ?? "—",
    }),
    column.accessor((row) => row.renewal.amountFen, { id: "amount", header: r.amount, meta: { cellClassName: "tabular-nums text-right" }, cell: (info) => formatFen(info.getValue()) }),
    column.accessor("attemptCount", { header: s.attemptCount, meta: { cellClassName: "tabular-nums text-right" } }),
    column.accessor("lastCode", {
      header: s.code,
      meta: { filters: [{ variant: "text", param: "code", label: s.code, className: "w-40" }] },
      cell: (info) => info.getValue() ?? "—",
    }),
    column.accessor("lastError", {
      header: s.lastError,
      cell: (info) => {
        const text = syncErrorText(t, info.getValue());
        return (
          <span className="block max-w-72 truncate" title={text ?? undefined}>
            {text ?? "—"}
          </span>
        );
      },
    }),
    column.accessor("nextAttemptAt", {
      header: s.nextAttempt,
      cell: (info) => (info.row.original.status === "RETRYING" || info.row.original.status === "PENDING" ? formatDateTime(info.getValue()) : "—"),
    }),
  ];
  if (!canResend) return columns;
  return [
    column.display({
      id: "select",
      header: ({ table }) => (
        <input type="checkbox" aria-label={s.selectAll} checked={table.getIsAllRowsSelected()} onChange={table.getToggleAllRowsSelectedHandler()} />
      ),
      cell: ({ row }) => (
        <input type="checkbox" aria-label={s.selectRow} disabled={!row.getCanSelect()} checked={row.getIsSelected()} onChange={row.getToggleSelectedHandler()} />
      ),
    }),
    ...columns,
    column.display({
      id: "resend",
      header: () => <span className="sr-only">{s.resend}</span>,
      cell: ({ row }) => (row.original.status === "FAILED" ? <ResendButton ids={[row.original.id]} labels={s} /> : null),
    }),
  ];
}

/** What an expanded row shows: the whole error, the last answer's details and who started this round. */
function SyncDetails({ row, t }: { row: SyncRow; t: T }) {
  const s = t.sync;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
      <dt className="text-slate-500">{t.syncList.fullError}</dt>
      <dd className="whitespace-pre-wrap break-words text-red-800" data-testid="sync-full-error">
        {syncErrorText(t, row.lastError) ?? "—"}
      </dd>
      <dt className="text-slate-500">{s.httpStatus}</dt>
      <dd>
        {row.lastHttpStatus ?? "—"} · {s.code} {row.lastCode ?? "—"} · {s.signature} {signatureText(s, row.lastSignatureCheck)}
      </dd>
      <dt className="text-slate-500">{t.syncList.roundTrigger}</dt>
      <dd data-testid="sync-round-trigger">{s.triggers[row.roundTrigger].replace("{user}", row.roundRequestedBy ?? "—")}</dd>
      <dt className="sr-only">{s.attempts}</dt>
      <dd className="col-start-2">
        <Link className="text-blue-700 underline-offset-2 hover:underline" href={`/renewals/${row.renewal.id}#attempts`}>
          {t.syncList.allAttempts}
        </Link>
      </dd>
    </dl>
  );
}

export function SyncsTable({
  rows,
  page,
  state,
  parks,
  t,
  canResend,
}: {
  rows: SyncRow[];
  page: { next: string | null; prev: string | null };
  state: ListState;
  parks: ParkOption[];
  t: T;
  canResend: boolean;
}) {
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const columns = useMemo(() => getSyncColumns(t, canResend, new Map(parks.map((park) => [park.parkId, park.name]))), [t, canResend, parks]);
  const table = useListTable({
    rows,
    columns,
    getRowId: (row) => String(row.id),
    state: { rowSelection },
    onRowSelectionChange: setRowSelection,
    enableRowSelection: (row) => row.original.status === "FAILED",
    getRowCanExpand: () => true,
  });
  const selected = table.getSelectedRowModel().rows.map((row) => row.original.id);
  return (
    <ListView
      table={table}
      state={state}
      page={page}
      parks={parks}
      t={t}
      rowTestId={(row) => `sync-${row.id}`}
      renderExpanded={(row) => <SyncDetails row={row} t={t} />}
      className="text-xs"
    >
      {canResend ? (
        <div className="mb-2">
          <ResendButton ids={selected} labels={t.sync} label={`${t.sync.resendSelected} (${selected.length})`} />
        </div>
      ) : null}
    </ListView>
  );
}
