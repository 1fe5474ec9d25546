"use client";
import { createColumnHelper, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import { Badge, syncTone } from "@/components/ui/badge";
import { TableView } from "@/components/ui/table-view";
import { formatDateTime, formatFen } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import type { RenewalRow } from "@/lib/queries/renewals";

const column = createColumnHelper<RenewalRow>();

/** `sortHref` flips the pay-time order (the keyset's order), keeping every filter. */
export function getRenewalColumns(t: Pick<Messages, "renewals" | "sync" | "table">, sort: { dir: "asc" | "desc"; href: string }) {
  const r = t.renewals;
  return [
    column.accessor("payTime", {
      header: () => (
        <Link href={sort.href} className="inline-flex items-center gap-1 hover:underline" aria-label={`${r.payTime} ${sort.dir === "desc" ? "↓" : "↑"}`}>
          {r.payTime}
          <span aria-hidden>{sort.dir === "desc" ? "↓" : "↑"}</span>
        </Link>
      ),
      // The time opens the renewal: one column less on a 1280-px screen than a separate link.
      cell: (info) => (
        <Link className="tabular-nums text-blue-700 underline-offset-2 hover:underline" href={`/renewals/${info.row.original.id}`} aria-label={`${t.table.details} ${info.row.original.tradeNo ?? info.row.original.id}`}>
          {formatDateTime(info.getValue() ?? info.row.original.bookedAt)}
        </Link>
      ),
    }),
    column.accessor("parkId", { header: r.park }),
    column.accessor("carNumber", {
      header: r.plate,
      cell: (info) => {
        const color = info.row.original.licenseColor;
        return info.getValue() ? (
          <span>
            {info.getValue()}
            {color !== null ? <span className="ml-1 text-xs text-slate-500">{r.plateColors[String(color) as keyof typeof r.plateColors]}</span> : null}
          </span>
        ) : (
          "—"
        );
      },
    }),
    column.accessor("cardId", {
      header: r.card,
      cell: (info) => <span className="block max-w-32 truncate" title={info.getValue() ?? undefined}>{info.getValue() ?? "—"}</span>,
    }),
    column.accessor("amountFen", { header: r.amount, cell: (info) => <span className="tabular-nums">{formatFen(info.getValue())}</span> }),
    column.accessor("arriveMoneyFen", { header: r.arriveMoney, cell: (info) => <span className="tabular-nums">{formatFen(info.getValue())}</span> }),
    column.accessor("feeFen", { header: r.fee, cell: (info) => <span className="tabular-nums">{formatFen(info.getValue())}</span> }),
    column.accessor("payCompany", {
      header: r.channel,
      cell: (info) => r.channels[(info.getValue() === null ? "unknown" : String(info.getValue())) as keyof typeof r.channels] ?? r.channels.unknown,
    }),
    column.accessor("tradeNo", {
      header: r.tradeNo,
      cell: (info) => (
        <span className="block max-w-40 truncate font-mono text-xs" title={info.getValue() ?? undefined}>
          {info.getValue() ?? "—"}
        </span>
      ),
    }),
    column.accessor("payState", {
      header: r.payState,
      cell: (info) => (
        <span className="inline-flex gap-1">
          <Badge tone={info.getValue() === 1 ? "green" : "red"}>{r.payStates[String(info.getValue()) as "0" | "1"]}</Badge>
          {info.row.original.hasConflict ? <Badge tone="amber">{r.conflict}</Badge> : null}
        </span>
      ),
    }),
    column.display({
      id: "sync",
      header: r.syncState,
      cell: (info) => {
        const status = info.row.original.sync?.status ?? "NONE";
        return (
          <Badge tone={syncTone[status]}>
            {t.sync.statuses[status]}
            {info.row.original.sync?.lastCode ? ` · ${info.row.original.sync.lastCode}` : ""}
          </Badge>
        );
      },
    }),
  ];
}

export function RenewalsTable({
  rows,
  t,
  sort,
}: {
  rows: RenewalRow[];
  t: Pick<Messages, "renewals" | "sync" | "table">;
  sort: { dir: "asc" | "desc"; href: string };
}) {
  const columns = useMemo(() => getRenewalColumns(t, sort), [t, sort]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the table instance is rebuilt per render by design; nothing here is memoised across renders
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
  });
  return <TableView table={table} empty={t.table.noRows} className="text-xs" />;
}
