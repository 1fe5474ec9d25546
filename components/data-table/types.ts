// Column `meta` drives the kit: the header's label and sort link, and the toolbar's filters.
import type { RowData } from "@tanstack/react-table";

export type Option = { value: string; label: string };

export type FilterSpec =
  | { variant: "text"; param: string; label: string; placeholder?: string; className?: string }
  /** `required`: no "all" choice (a setting with a default, like the fee report's granularity). */
  | { variant: "select"; param: string; label: string; options: Option[]; required?: boolean }
  | { variant: "dateRange"; from: string; to: string; labels: { from: string; to: string } }
  | { variant: "park"; param: string; label: string }
  | { variant: "flag"; param: string; label: string };

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the generics must match TanStack's declaration
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Header text (also the sort link's name). */
    label?: string;
    /** The URL `sort` value this column orders by; absent: not sortable. */
    sort?: string;
    /** Toolbar controls this column contributes, in column order. */
    filters?: FilterSpec[];
    /** Extra classes for this column's cells (numbers: "tabular-nums text-right"). */
    cellClassName?: string;
    /** Left out on a phone (below 640 px), so the columns read first (time, plate, amount) fit the screen. */
    hideOnPhone?: boolean;
  }
}

/** A park for the shared picker: its Bolink id and the name entered on 车场. */
export type ParkOption = { parkId: string; name: string | null };
