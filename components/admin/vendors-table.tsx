import { DataTable, cellClass, rowClass } from "@/components/admin/data-table";
import { VendorRowControls } from "@/components/admin/vendor-row-controls";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import type { VendorRow } from "@/lib/queries/vendors";

export function VendorsTable({ rows, envUnionId, t }: { rows: VendorRow[]; envUnionId?: string; t: Pick<Messages, "vendors" | "users" | "table"> }) {
  const v = t.vendors;
  return (
    <DataTable headers={[v.unionId, v.name, v.enabled, v.key, v.updatedAt, v.actions]} empty={t.table.noRows} rowCount={rows.length}>
      {rows.map((vendor) => (
        <tr key={vendor.id} className={rowClass} data-testid={`vendor-${vendor.unionId}`}>
          <td className={`${cellClass} font-mono text-xs`}>{vendor.unionId}</td>
          <td className={cellClass}>
            {vendor.name}
            {vendor.unionId === envUnionId ? <p className="max-w-64 whitespace-normal text-xs text-amber-800">{v.envManaged}</p> : null}
          </td>
          <td className={cellClass}>
            <Badge tone={vendor.enabled ? "green" : "red"}>{vendor.enabled ? t.users.active : t.users.disabled}</Badge>
          </td>
          <td className={`${cellClass} font-mono text-xs`}>
            <span data-testid="key-mask">{vendor.keyMask}</span>
            {vendor.keyNeedsRotation ? (
              <span className="ml-2 font-sans" data-testid="key-rotate">
                <Badge tone="amber">{v.rotateKey}</Badge>
              </span>
            ) : null}
          </td>
          <td className={`${cellClass} tabular-nums`}>{formatDateTime(vendor.updatedAt)}</td>
          <td className="px-2 py-1">
            <VendorRowControls vendor={{ id: vendor.id, unionId: vendor.unionId, name: vendor.name, enabled: vendor.enabled }} t={v} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
