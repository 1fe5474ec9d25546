"use client";
import { flexRender, type Table } from "@tanstack/react-table";
import { cn } from "@/lib/utils";

/** Renders a TanStack table instance in the console's table style, with an empty-state row. */
export function TableView<T>({
  table,
  empty,
  className,
  rowTestId,
}: {
  table: Table<T>;
  empty: string;
  className?: string;
  rowTestId?: (row: T) => string;
}) {
  const rows = table.getRowModel().rows;
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className={cn("w-full text-left text-sm", className)}>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className="whitespace-nowrap px-2 py-2 font-medium">
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={table.getAllColumns().length} className="px-3 py-10 text-center text-slate-500">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.id} className="border-b border-slate-100 last:border-0 hover:bg-slate-50" data-testid={rowTestId?.(row.original)}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="whitespace-nowrap px-2 py-1.5">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
