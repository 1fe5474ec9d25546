"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo } from "react";
import { useListTable } from "@/components/data-table/data-table";
import { ListView } from "@/components/data-table/list-view";
import { ParkFeeTypeSelect, ParkNameInput, ParkSaveForm, ParkWxInput } from "@/components/parks/park-row-form";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import type { ListState } from "@/lib/list/params";
import type { ParkRow } from "@/lib/queries/parks";

type T = Pick<Messages, "parks" | "table" | "list">;
const column = createColumnHelper<ParkRow>();

/** Admins edit each park in its row; everyone else reads it. */
export function getParkColumns(t: T, admin: boolean) {
  const p = t.parks;
  const columns = [
    column.accessor("parkId", {
      header: p.parkId,
      meta: { label: p.parkId, sort: "parkId", cellClassName: "font-mono text-xs", filters: [{ variant: "text", param: "q", label: p.search, className: "w-48" }] },
    }),
    column.accessor("name", {
      header: p.name,
      cell: (info) => (admin ? <ParkNameInput park={info.row.original} t={p} /> : (info.getValue() ?? "—")),
    }),
    column.accessor("wxParkingLotId", {
      header: p.wxParkingLotId,
      meta: { filters: [{ variant: "select", param: "mapped", label: p.mapped, options: (["1", "0"] as const).map((value) => ({ value, label: p.mappedStates[value] })) }] },
      cell: (info) => (admin ? <ParkWxInput park={info.row.original} t={p} /> : (info.getValue() ?? p.unmapped)),
    }),
    column.accessor("feeTypeOverride", {
      header: p.feeType,
      cell: (info) => (admin ? <ParkFeeTypeSelect park={info.row.original} t={p} /> : info.getValue() ? p.feeTypes[info.getValue()!] : p.feeTypeAuto),
    }),
  ];
  if (!admin) return columns;
  return [
    ...columns,
    column.display({ id: "save", header: () => <span className="sr-only">{p.save}</span>, cell: (info) => <ParkSaveForm park={info.row.original} t={p} /> }),
  ];
}

export function ParksTable({ rows, page, state, admin, t }: { rows: ParkRow[]; page: { next: string | null; prev: string | null }; state: ListState; admin: boolean; t: T }) {
  const columns = useMemo(() => getParkColumns(t, admin), [t, admin]);
  const table = useListTable({ rows, columns, getRowId: (row) => String(row.id) });
  return <ListView table={table} state={state} page={page} t={t} rowTestId={(row) => `park-row-${row.parkId}`} />;
}
