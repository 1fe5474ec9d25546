"use client";
import { createColumnHelper, type CellContext } from "@tanstack/react-table";
import { DataTable, useListTable } from "@/components/data-table/data-table";
import { ChannelActions } from "@/components/alerts/channel-actions";
import { Badge } from "@/components/ui/badge";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import type { ChannelRow } from "@/lib/queries/alerts";

type T = Pick<Messages, "alerts" | "table" | "list">;
const column = createColumnHelper<ChannelRow>();
type Meta = { t: T };

/**
 * Module-level, reading `t` from the table's meta: "send test" refreshes the page, and a cell
 * function made per render would remount the controls and wipe the answer they just showed.
 */
function ActionsCell({ row, table }: CellContext<ChannelRow, unknown>) {
  const { t } = table.options.meta as Meta;
  return <ChannelActions channel={row.original} t={t.alerts.page} />;
}

export function getChannelColumns(t: T) {
  const p = t.alerts.page;
  return [
    column.accessor("kind", { header: p.kind, cell: (info) => p.kinds[info.getValue()] }),
    column.accessor("name", { header: p.name }),
    column.accessor("target", {
      header: p.target,
      cell: (info) => (
        <span className="font-mono text-xs">
          {info.getValue()}
          {info.row.original.emailTo ? <span className="ml-1 text-slate-500">→ {info.row.original.emailTo}</span> : null}
          {info.row.original.hasSecret ? <span className="ml-1 text-slate-500">· {p.secret} ••••</span> : null}
        </span>
      ),
    }),
    column.accessor("source", {
      header: p.source,
      cell: (info) => <Badge tone={info.getValue() === "env" ? "slate" : "blue"}>{info.getValue() === "env" ? p.sourceEnv : p.sourceDb}</Badge>,
    }),
    column.display({ id: "actions", header: "", cell: ActionsCell }),
  ];
}

export function ChannelsTable({ rows, t }: { rows: ChannelRow[]; t: T }) {
  const table = useListTable({ rows, columns: getChannelColumns(t), getRowId: (row) => row.key, meta: { t } satisfies Meta });
  return <DataTable table={table} t={{ ...t, table: { ...t.table, noRows: t.alerts.page.none } }} rowTestId={(row) => `channel-${row.key}`} />;
}
