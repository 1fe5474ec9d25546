"use client";
import { createColumnHelper, type CellContext } from "@tanstack/react-table";
import { useMemo } from "react";
import { useListTable } from "@/components/data-table/data-table";
import { ListView } from "@/components/data-table/list-view";
import { ParkFeeTypeSelect, ParkNameInput, ParkSaveForm, ParkWxInput } from "@/components/parks/park-row-form";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import type { ListState } from "@/lib/list/params";
import type { ParkRow } from "@/lib/queries/parks";

type T = Pick<Messages, "parks" | "table" | "list">;
const column = createColumnHelper<ParkRow>();
type Meta = { t: T };

// An admin's row is a form: module-level cells reading `t` from the table's meta, so a refresh
// after saving re-renders the inputs and the result instead of remounting them (see users-table).
type Cell = CellContext<ParkRow, unknown>;
const textsOf = (table: Cell["table"]) => (table.options.meta as Meta).t.parks;
const NameCell = ({ row, table }: Cell) => <ParkNameInput park={row.original} t={textsOf(table)} />;
const WxCell = ({ row, table }: Cell) => <ParkWxInput park={row.original} t={textsOf(table)} />;
const FeeTypeCell = ({ row, table }: Cell) => <ParkFeeTypeSelect park={row.original} t={textsOf(table)} />;
const SaveCell = ({ row, table }: Cell) => <ParkSaveForm park={row.original} t={textsOf(table)} />;

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
      cell: admin ? NameCell : (info) => info.getValue() ?? "—",
    }),
    column.accessor("wxParkingLotId", {
      header: p.wxParkingLotId,
      meta: { filters: [{ variant: "select", param: "mapped", label: p.mapped, options: (["1", "0"] as const).map((value) => ({ value, label: p.mappedStates[value] })) }] },
      cell: admin ? WxCell : (info) => info.getValue() ?? p.unmapped,
    }),
    column.accessor("feeTypeOverride", {
      header: p.feeType,
      cell: admin ? FeeTypeCell : (info) => (info.getValue() ? p.feeTypes[info.getValue()!] : p.feeTypeAuto),
    }),
  ];
  if (!admin) return columns;
  return [
    ...columns,
    column.display({ id: "save", header: () => <span className="sr-only">{p.save}</span>, cell: SaveCell }),
  ];
}

export function ParksTable({ rows, page, state, admin, t }: { rows: ParkRow[]; page: { next: string | null; prev: string | null }; state: ListState; admin: boolean; t: T }) {
  const columns = useMemo(() => getParkColumns(t, admin), [t, admin]);
  const table = useListTable({ rows, columns, getRowId: (row) => String(row.id), meta: { t } satisfies Meta });
  return <ListView table={table} state={state} page={page} t={t} rowTestId={(row) => `park-row-${row.parkId}`} />;
}
