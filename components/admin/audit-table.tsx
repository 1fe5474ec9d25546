import { DataTable, cellClass, rowClass } from "@/components/admin/data-table";
import { AuditDetails } from "@/components/admin/audit-details";
import { auditActionLabel } from "@/lib/i18n/audit";
import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import type { AuditRow } from "@/lib/queries/audit";

export function AuditTable({ rows, t }: { rows: AuditRow[]; t: Pick<Messages, "audit" | "table" | "roles" | "parks" | "sync"> }) {
  const a = t.audit;
  return (
    <DataTable headers={[a.at, a.actor, a.action, a.target, a.details]} empty={t.table.noRows} rowCount={rows.length}>
      {rows.map((row) => (
        <tr key={row.id} className={rowClass}>
          <td className={`${cellClass} tabular-nums`}>{formatDateTime(row.at)}</td>
          <td className={cellClass}>{row.actor ?? <span className="text-slate-500">{a.system}</span>}</td>
          <td className={cellClass}>
            {auditActionLabel(t, row.action)}
          </td>
          <td className="max-w-48 truncate px-2 py-1.5" title={row.target ?? undefined}>
            {row.target ?? "—"}
          </td>
          <td className="px-2 py-1.5">
            <AuditDetails details={row.details} t={t} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
