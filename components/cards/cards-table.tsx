"use client";
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import { CardStatusBadge } from "@/components/cards/card-status-badge";
import { useListTable } from "@/components/data-table/data-table";
import { ListView } from "@/components/data-table/list-view";
import { ParkLabel } from "@/components/data-table/park-label";
import type { ParkOption } from "@/components/data-table/types";
import { formatDateTime, formatFen } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import type { ListState } from "@/lib/list/params";
import type { CardRow } from "@/lib/queries/cards";
import { CARD_STATUSES } from "@/lib/validations/cards";

type T = Pick<Messages, "cards" | "table" | "list">;
const column = createColumnHelper<CardRow>();
const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "—");
const number = "tabular-nums text-right";

export function getCardColumns(t: T, parkNames: Map<string, string | null>) {
  const c = t.cards;
  return [
    column.accessor("parkId", {
      header: c.park,
      meta: { filters: [{ variant: "park", param: "park", label: c.park }] },
      cell: (info) => <ParkLabel parkId={info.getValue()} name={parkNames.get(info.getValue())} />,
    }),
    column.accessor("cardId", {
      header: c.card,
      meta: { filters: [{ variant: "text", param: "q", label: c.search, className: "w-44" }] },
      cell: (info) => <span className="block max-w-40 truncate" title={info.getValue() ?? undefined}>{info.getValue() ?? "—"}</span>,
    }),
    column.accessor("carNumber", { header: c.plate, cell: (info) => info.getValue() ?? "—" }),
    column.accessor("periodEnd", {
      id: "period",
      header: c.currentPeriod,
      meta: { cellClassName: "tabular-nums" },
      cell: (info) => `${day(info.row.original.periodStart)} – ${day(info.getValue())}`,
    }),
    column.accessor("daysLeft", { header: c.daysLeft, meta: { label: c.daysLeft, sort: "daysLeft", cellClassName: number }, cell: (info) => info.getValue() ?? "—" }),
    column.accessor("status", {
      header: c.status,
      meta: { filters: [{ variant: "select", param: "status", label: c.filterStatus, options: CARD_STATUSES.map((value) => ({ value, label: c.statuses[value] })) }] },
      cell: (info) => <CardStatusBadge status={info.getValue()} label={c.statuses[info.getValue()]} />,
    }),
    column.accessor("renewalCount", { header: c.renewals, meta: { cellClassName: number } }),
    column.accessor("totalPaidFen", { header: c.totalPaid, meta: { cellClassName: number }, cell: (info) => formatFen(info.getValue()) }),
    column.accessor("lastRenewalAt", { header: c.lastRenewal, meta: { cellClassName: "tabular-nums" }, cell: (info) => formatDateTime(info.getValue()) }),
    column.display({
      id: "open",
      header: () => <span className="sr-only">{t.table.details}</span>,
      cell: (info) => (
        <Link className="text-blue-700 hover:underline" href={`/cards/${info.row.original.id}`}>
          {t.table.details}
        </Link>
      ),
    }),
  ];
}

export function CardsTable({ rows, page, state, parks, t }: { rows: CardRow[]; page: { next: string | null; prev: string | null }; state: ListState; parks: ParkOption[]; t: T }) {
  const columns = useMemo(() => getCardColumns(t, new Map(parks.map((park) => [park.parkId, park.name]))), [t, parks]);
  const table = useListTable({ rows, columns, getRowId: (row) => String(row.id) });
  return <ListView table={table} state={state} page={page} parks={parks} t={t} rowTestId={(row) => `card-${row.id}`} />;
}
