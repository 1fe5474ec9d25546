import { DataTable, cellClass, rowClass } from "@/components/admin/data-table";
import { UserRowControls } from "@/components/admin/user-row-controls";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import type { UserRow } from "@/lib/queries/users";

export function UsersTable({ rows, meId, t }: { rows: UserRow[]; meId: number; t: Pick<Messages, "users" | "roles" | "table"> }) {
  const u = t.users;
  return (
    <DataTable headers={[u.username, u.role, u.status, u.lastLogin, u.createdAt, u.actions]} empty={t.table.noRows} rowCount={rows.length}>
      {rows.map((user) => (
        <tr key={user.id} className={rowClass} data-testid={`user-${user.username}`}>
          <td className={`${cellClass} font-medium`}>
            {user.username}
            {user.id === meId ? <span className="ml-1 text-xs font-normal text-slate-500">({u.you})</span> : null}
          </td>
          <td className={cellClass}>
            <Badge tone={user.role === "ADMIN" ? "blue" : "slate"}>{t.roles[user.role]}</Badge>
          </td>
          <td className={cellClass}>
            <Badge tone={user.disabled ? "red" : "green"}>{user.disabled ? u.disabled : u.active}</Badge>
          </td>
          <td className={`${cellClass} tabular-nums`}>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : u.never}</td>
          <td className={`${cellClass} tabular-nums`}>{formatDateTime(user.createdAt)}</td>
          <td className="px-2 py-1">
            <UserRowControls user={{ id: user.id, username: user.username, role: user.role, disabled: user.disabled }} self={user.id === meId} t={u} roles={t.roles} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
