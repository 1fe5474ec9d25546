"use client";
// The list-page kit. A list page is:
//
//   page.tsx (server)      const list = xParams.parse(await searchParams);      // lib/validations/x.ts
//                          const page = await listX(getDb(), list.query);        // lib/queries/x.ts
//                          <ListNotice dropped={list.dropped} t={t.list} />
//                          <XTable rows={page.rows} page={page} state={listState(list)} t={t} />
//   x-table.tsx (client)   const columns = getXColumns(t)   // ColumnDef[] whose meta = { label, sort, filters }
//                          const table = useListTable({ rows, columns, getRowId: (r) => String(r.id) });
//                          <ListView table={table} state={state} page={page} t={t} />
//
// ListView renders the toolbar (every column's meta.filters), the grid (sortable headers from
// meta.sort) and the keyset pager. URL helpers: lib/list/params.ts; where/orderBy: lib/list/keyset.ts.
import type { Table } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { ListPager } from "@/components/data-table/list-pager";
import { ListToolbar } from "@/components/data-table/list-toolbar";
import type { ParkOption } from "@/components/data-table/types";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import type { ListState } from "@/lib/list/params";

export function ListView<T>({
  table,
  state,
  page,
  parks,
  t,
  rowTestId,
  rowClassName,
  renderExpanded,
  summary,
  children,
  className,
}: {
  table: Table<T>;
  state: ListState;
  /** Keyset cursors; absent for lists that are not paged (fees: one row per group). */
  page?: { next: string | null; prev: string | null };
  parks?: ParkOption[];
  t: Pick<Messages, "table" | "list">;
  rowTestId?: (row: T) => string;
  rowClassName?: (row: T) => string | undefined;
  /** Details under an expanded row (see DataTable). */
  renderExpanded?: (row: T) => React.ReactNode;
  /** Shown between the filters and the table (totals). */
  summary?: React.ReactNode;
  /** Shown just above the table (bulk actions). */
  children?: React.ReactNode;
  className?: string;
}) {
  const filters = table.getAllLeafColumns().flatMap((column) => column.columnDef.meta?.filters ?? []);
  return (
    <>
      <ListToolbar filters={filters} state={state} parks={parks} t={t} />
      {summary}
      {children}
      <DataTable table={table} state={state} t={t} rowTestId={rowTestId} rowClassName={rowClassName} renderExpanded={renderExpanded} className={className} />
      {page ? <ListPager state={state} page={page} t={t} /> : null}
    </>
  );
}
