"use client";
import { createColumnHelper, type CellContext } from "@tanstack/react-table";
import { useMemo } from "react";
import { VendorRowControls } from "@/components/admin/vendor-row-controls";
import { useListTable } from "@/components/data-table/data-table";
import { ListView } from "@/components/data-table/list-view";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import type { ListState } from "@/lib/list/params";
import type { VendorRow } from "@/lib/queries/vendors";

type T = Pick<Messages, "vendors" | "users" | "table" | "list">;
const column = createColumnHelper<VendorRow>();
type Meta = { t: T };

/** Module-level, reading `t` from the table's meta, so a refresh after saving keeps the result shown (see users-table). */
function ActionsCell({ row, table }: CellContext<VendorRow, unknown>) {
  const { t } = table.options.meta as Meta;
  const vendor = row.original;
  return <VendorRowControls vendor={{ id: vendor.id, unionId: vendor.unionId, name: vendor.name, enabled: vendor.enabled }} t={t.vendors} />;
}

/** `envUnionId`: the vendor BOLINK_UNION_ID / BOLINK_UKEY reset on every start (edits there do not last). */
export function getVendorColumns(t: T, envUnionId?: string) {
  const v = t.vendors;
  return [
    column.accessor("unionId", {
      header: v.unionId,
      meta: { label: v.unionId, sort: "unionId", cellClassName: "font-mono text-xs", filters: [{ variant: "text", param: "q", label: v.search }] },
    }),
    column.accessor("name", {
      header: v.name,
      cell: (info) => (
        <>
          {info.getValue()}
          {info.row.original.unionId === envUnionId ? <p className="max-w-64 whitespace-normal text-xs text-amber-800">{v.envManaged}</p> : null}
        </>
      ),
    }),
    column.accessor("enabled", {
      header: v.enabled,
      meta: {
        filters: [
          {
            variant: "select",
            param: "status",
            label: t.users.status,
            options: [
              { value: "enabled", label: t.users.active },
              { value: "disabled", label: t.users.disabled },
            ],
          },
        ],
      },
      cell: (info) => <Badge tone={info.getValue() ? "green" : "red"}>{info.getValue() ? t.users.active : t.users.disabled}</Badge>,
    }),
    column.accessor("keyMask", {
      header: v.key,
      meta: { cellClassName: "font-mono text-xs" },
      cell: (info) => (
        <>
          <span data-testid="key-mask">{info.getValue()}</span>
          {info.row.original.keyNeedsRotation ? (
            <span className="ml-2 font-sans" data-testid="key-rotate">
              <Badge tone="amber">{v.rotateKey}</Badge>
            </span>
          ) : null}
        </>
      ),
    }),
    column.accessor("updatedAt", { header: v.updatedAt, meta: { cellClassName: "tabular-nums" }, cell: (info) => formatDateTime(info.getValue()) }),
    column.display({
      id: "actions",
      header: v.actions,
      // Wide enough for the controls on one line: on a phone the card scrolls instead of each row growing tall.
      meta: { cellClassName: "py-1 min-w-[27rem]" },
      cell: ActionsCell,
    }),
  ];
}

export function VendorsTable({ rows, envUnionId, state, t }: { rows: VendorRow[]; envUnionId?: string; state: ListState; t: T }) {
  const columns = useMemo(() => getVendorColumns(t, envUnionId), [t, envUnionId]);
  const table = useListTable({ rows, columns, getRowId: (row) => String(row.id), meta: { t } satisfies Meta });
  return <ListView table={table} state={state} t={t} rowTestId={(row) => `vendor-${row.unionId}`} />;
}
