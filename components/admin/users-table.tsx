"use client";
import { createColumnHelper, type CellContext } from "@tanstack/react-table";
import { useMemo } from "react";
import { UserRowControls } from "@/components/admin/user-row-controls";
import { useListTable } from "@/components/data-table/data-table";
import { ListView } from "@/components/data-table/list-view";
import { Badge } from "@/components/ui/badge";
import { ROLES } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import type { ListState } from "@/lib/list/params";
import type { UserRow } from "@/lib/queries/users";

type T = Pick<Messages, "users" | "roles" | "table" | "list">;
const column = createColumnHelper<UserRow>();
type Meta = { t: T; meId: number };

/**
 * A module-level component, reading the page's data from the table's meta: a server refresh after
 * an action brings a new `t`, and a cell function made per render would remount the controls and
 * lose the result they show.
 */
function ActionsCell({ row, table }: CellContext<UserRow, unknown>) {
  const { t, meId } = table.options.meta as Meta;
  const user = row.original;
  return <UserRowControls user={{ id: user.id, username: user.username, role: user.role, disabled: user.disabled }} self={user.id === meId} t={t.users} roles={t.roles} />;
}

/** `meId`: the signed-in admin, whose own row has no role or disable controls. */
export function getUserColumns(t: T, meId: number) {
  const u = t.users;
  return [
    column.accessor("username", {
      header: u.username,
      meta: { label: u.username, sort: "username", cellClassName: "font-medium", filters: [{ variant: "text", param: "q", label: u.username }] },
      cell: (info) => (
        <>
          {info.getValue()}
          {info.row.original.id === meId ? <span className="ml-1 text-xs font-normal text-slate-500">({u.you})</span> : null}
        </>
      ),
    }),
    column.accessor("role", {
      header: u.role,
      meta: { filters: [{ variant: "select", param: "role", label: u.role, options: ROLES.map((value) => ({ value, label: t.roles[value] })) }] },
      cell: (info) => <Badge tone={info.getValue() === "ADMIN" ? "blue" : "slate"}>{t.roles[info.getValue()]}</Badge>,
    }),
    column.accessor("disabled", {
      header: u.status,
      meta: {
        filters: [
          {
            variant: "select",
            param: "status",
            label: u.status,
            options: [
              { value: "enabled", label: u.active },
              { value: "disabled", label: u.disabled },
            ],
          },
        ],
      },
      cell: (info) => <Badge tone={info.getValue() ? "red" : "green"}>{info.getValue() ? u.disabled : u.active}</Badge>,
    }),
    column.accessor("lastLoginAt", { header: u.lastLogin, meta: { cellClassName: "tabular-nums" }, cell: (info) => (info.getValue() ? formatDateTime(info.getValue()!) : u.never) }),
    column.accessor("createdAt", { header: u.createdAt, meta: { cellClassName: "tabular-nums" }, cell: (info) => formatDateTime(info.getValue()) }),
    column.display({
      id: "actions",
      header: u.actions,
      // Wide enough for the controls on one line: on a phone the card scrolls instead of each row growing tall.
      meta: { cellClassName: "py-1 min-w-[24rem]" },
      cell: ActionsCell,
    }),
  ];
}

export function UsersTable({ rows, meId, state, t }: { rows: UserRow[]; meId: number; state: ListState; t: T }) {
  const columns = useMemo(() => getUserColumns(t, meId), [t, meId]);
  const table = useListTable({ rows, columns, getRowId: (row) => String(row.id), meta: { t, meId } satisfies Meta });
  return <ListView table={table} state={state} t={t} rowTestId={(row) => `user-${row.username}`} />;
}
