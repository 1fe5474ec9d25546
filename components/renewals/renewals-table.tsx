"use client";
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import { useListTable } from "@/components/data-table/data-table";
import { ListView } from "@/components/data-table/list-view";
import { ParkLabel } from "@/components/data-table/park-label";
import type { ParkOption } from "@/components/data-table/types";
import { Badge, syncTone } from "@/components/ui/badge";
import { formatDateTime, formatFen } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import type { ListState } from "@/lib/list/params";
import type { RenewalRow } from "@/lib/queries/renewals";
import { SYNC_FILTERS } from "@/lib/validations/renewals";

type T = Pick<Messages, "renewals" | "sync" | "table" | "list">;
const column = createColumnHelper<RenewalRow>();
const money = "tabular-nums text-right";

export function getRenewalColumns(t: T, parkNames: Map<string, string | null>) {
  const r = t.renewals;
  return [
    column.accessor("payTime", {
      header: r.payTime,
      meta: { label: r.payTime, sort: "payTime", filters: [{ variant: "dateRange", from: "from", to: "to", labels: { from: r.from, to: r.to } }] },
      // The time opens the renewal: one column less on a 1280-px screen than a separate link.
      cell: (info) => (
        <Link className="tabular-nums text-blue-700 underline-offset-2 hover:underline" href={`/renewals/${info.row.original.id}`} aria-label={`${t.table.details} ${info.row.original.tradeNo ?? info.row.original.id}`}>
          <PhoneStackedDateTime text={formatDateTime(info.getValue() ?? info.row.original.bookedAt)} />
        </Link>
      ),
    }),
    column.accessor("parkId", {
      header: r.park,
      meta: { label: r.park, sort: "park", hideOnPhone: true, filters: [{ variant: "park", param: "park", label: r.park }] },
      cell: (info) => <ParkLabel parkId={info.getValue()} name={parkNames.get(info.getValue())} />,
    }),
    column.accessor("carNumber", {
      header: r.plate,
      meta: { label: r.plate, filters: [{ variant: "text", param: "q", label: r.search, className: "w-56" }] },
      cell: (info) => {
        const color = info.row.original.licenseColor;
        // On a phone a long plate (or junk a vendor sent) is cut so the amount stays on screen.
        return info.getValue() ? (
          <span className="block max-w-28 truncate sm:max-w-none" title={info.getValue() ?? undefined}>
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
      meta: { hideOnPhone: true },
      cell: (info) => <span className="block max-w-32 truncate" title={info.getValue() ?? undefined}>{info.getValue() ?? "—"}</span>,
    }),
    column.accessor("amountFen", { header: r.amount, meta: { label: r.amount, sort: "amount", cellClassName: money }, cell: (info) => formatFen(info.getValue()) }),
    column.accessor("arriveMoneyFen", { header: r.arriveMoney, meta: { cellClassName: money, hideOnPhone: true }, cell: (info) => formatFen(info.getValue()) }),
    column.accessor("feeFen", { header: r.fee, meta: { cellClassName: money, hideOnPhone: true }, cell: (info) => formatFen(info.getValue()) }),
    column.accessor("payCompany", {
      header: r.channel,
      meta: {
        hideOnPhone: true,
        filters: [{ variant: "select", param: "channel", label: r.channel, options: [...(["0", "1"] as const).map((value) => ({ value, label: r.channels[value] })), { value: "none", label: r.channels.unknown }] }],
      },
      cell: (info) => r.channels[(info.getValue() === null ? "unknown" : String(info.getValue())) as keyof typeof r.channels] ?? r.channels.unknown,
    }),
    column.accessor("tradeNo", {
      header: r.tradeNo,
      meta: { hideOnPhone: true },
      cell: (info) => (
        <span className="block max-w-40 truncate font-mono text-xs" title={info.getValue() ?? undefined}>
          {info.getValue() ?? "—"}
        </span>
      ),
    }),
    column.accessor("payState", {
      header: r.payState,
      meta: {
        filters: [
          { variant: "select", param: "payState", label: r.payState, options: (["1", "0"] as const).map((value) => ({ value, label: r.payStates[value] })) },
          { variant: "flag", param: "conflict", label: r.conflictOnly },
          { variant: "flag", param: "mismatch", label: r.mismatchOnly },
        ],
      },
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
      meta: { filters: [{ variant: "select", param: "sync", label: r.syncState, options: SYNC_FILTERS.map((value) => ({ value, label: t.sync.statuses[value] })) }] },
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
  page,
  state,
  parks,
  summary,
  t,
}: {
  rows: RenewalRow[];
  page: { next: string | null; prev: string | null };
  state: ListState;
  parks: ParkOption[];
  summary?: React.ReactNode;
  t: T;
}) {
  const columns = useMemo(() => getRenewalColumns(t, new Map(parks.map((park) => [park.parkId, park.name]))), [t, parks]);
  const table = useListTable({ rows, columns, getRowId: (row) => String(row.id) });
  return <ListView table={table} state={state} page={page} parks={parks} t={t} summary={summary} className="text-xs" />;
}

/** "2026-10-26 15:33:20" on one line, or date over time on a phone. */
function PhoneStackedDateTime({ text }: { text: string }) {
  const [date, time] = text.split(" ");
  return (
    <>
      <span className="block sm:inline">{date}</span> <span className="block sm:inline">{time}</span>
    </>
  );
}
