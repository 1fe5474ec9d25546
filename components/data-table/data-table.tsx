"use client";
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type Table, type TableOptions } from "@tanstack/react-table";
import Link from "next/link";
import { Fragment } from "react";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import { listHref, type ListState } from "@/lib/list/params";
import { cn } from "@/lib/utils";

/**
 * A TanStack table for server-driven lists: the server has filtered, sorted and paged the rows,
 * so every model is manual; rows are keyed by their database id.
 * flexRender mounts a cell function as a component: a cell holding state (row controls, inputs)
 * must be a module-level component reading page data from `meta`, or the refresh after an action
 * (a new `t`, new columns) remounts it and loses what it shows (components/admin/users-table.tsx).
 */
export function useListTable<T>({
  rows,
  columns,
  getRowId,
  ...options
}: { rows: T[]; columns: ColumnDef<T, never>[]; getRowId: (row: T) => string } & Partial<TableOptions<T>>): Table<T> {
  // eslint-disable-next-line react-hooks/incompatible-library -- the table instance is rebuilt per render by design; nothing here is memoised across renders
  return useReactTable({
    data: rows,
    columns,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    ...options,
  });
}

const phoneHidden = "hidden sm:table-cell";
// A body row's and cell's base style is the .data-grid rule in app/globals.css, written once there
// rather than on each of a page's hundreds of cells (it was a third of a list page's HTML).

/** The grid: headers from column meta (sortable ones are links that flip or set `sort`), rows, footer. */
export function DataTable<T>({
  table,
  state,
  t,
  rowTestId,
  rowClassName,
  renderExpanded,
  className,
}: {
  table: Table<T>;
  state?: ListState;
  t: Pick<Messages, "table" | "list">;
  rowTestId?: (row: T) => string;
  /** Extra classes for one row (a report's subtotal lines). */
  rowClassName?: (row: T) => string | undefined;
  /** A full-width row under an expanded row (row.getToggleExpandedHandler() opens it): details too long for a cell. */
  renderExpanded?: (row: T) => React.ReactNode;
  className?: string;
}) {
  const rows = table.getRowModel().rows;
  const hasFooter = table.getAllColumns().some((column) => column.columnDef.footer);
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className={cn("data-grid w-full text-left text-sm", className)}>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                const active = !!state && !!meta?.sort && state.sort === meta.sort;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={cn("whitespace-nowrap px-2 py-2 font-medium", meta?.hideOnPhone && phoneHidden)}
                    aria-sort={active ? (state!.dir === "asc" ? "ascending" : "descending") : undefined}
                  >
                    {meta?.sort && state ? (
                      <SortLink label={meta.label ?? header.id} sort={meta.sort} state={state} t={t.list} />
                    ) : header.isPlaceholder ? null : (
                      flexRender(header.column.columnDef.header ?? meta?.label, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={table.getAllColumns().length} className="whitespace-normal px-3 py-10 text-center text-slate-500">
                {t.table.noRows}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <Fragment key={row.id}>
                <tr className={rowClassName?.(row.original)} data-testid={rowTestId?.(row.original)}>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={cn(cell.column.columnDef.meta?.cellClassName, cell.column.columnDef.meta?.hideOnPhone && phoneHidden) || undefined}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
                {renderExpanded && row.getIsExpanded() ? (
                  <tr className="border-b border-slate-100 bg-slate-50" data-testid={rowTestId ? `${rowTestId(row.original)}-details` : undefined}>
                    <td colSpan={row.getVisibleCells().length} className="whitespace-normal px-3 py-2">
                      {/* A viewport-wide box: on a phone the details stay readable without scrolling the table. */}
                      <div className="sticky left-3 max-w-[calc(100vw-3rem)] md:max-w-3xl">{renderExpanded(row.original)}</div>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))
          )}
        </tbody>
        {hasFooter && rows.length ? (
          <tfoot className="border-t border-slate-300 bg-slate-50 font-semibold">
            {table.getFooterGroups().slice(0, 1).map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <td key={header.id} className={cn("whitespace-nowrap px-2 py-1.5", header.column.columnDef.meta?.cellClassName, header.column.columnDef.meta?.hideOnPhone && phoneHidden)}>
                    {flexRender(header.column.columnDef.footer, header.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

/** The active column flips its direction; another column starts at its default, largest / newest first. */
function SortLink({ label, sort, state, t }: { label: string; sort: string; state: ListState; t: Messages["list"] }) {
  const active = state.sort === sort;
  const dir = active && state.dir === "desc" ? "asc" : "desc";
  const arrow = active ? (state.dir === "desc" ? "↓" : "↑") : "↕";
  return (
    <Link
      href={listHref(state.values, { sort, dir })}
      className={cn("inline-flex items-center gap-1 hover:underline", active && "text-slate-900")}
    >
      {label}
      <span aria-hidden className={active ? "" : "text-slate-400"}>
        {arrow}
      </span>
      {active ? <span className="sr-only">{state.dir === "desc" ? t.sortedDesc : t.sortedAsc}</span> : null}
    </Link>
  );
}
