import { DataTable, cellClass, rowClass } from "@/components/admin/data-table";
import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import type { RejectedRow } from "@/lib/queries/rejected";
import { isRejectReason } from "@/lib/bolink/reject-reasons";

/** The catalogue's text for a stored reason code; a code this version does not know is shown as is. */
export function reasonText(reasons: Messages["rejected"]["reasons"], code: string): string {
  return isRejectReason(code) ? reasons[code] : code;
}

/** Bodies are whatever anyone POSTed: rendered as text children only, which React escapes. */
export function RejectedTable({ rows, t }: { rows: RejectedRow[]; t: Pick<Messages, "rejected" | "table"> }) {
  const r = t.rejected;
  return (
    <DataTable
      headers={[r.receivedAt, r.reason, r.unionId, r.tradeNo, r.remoteAddr, r.bodyBytes, r.body]}
      empty={t.table.noRows}
      rowCount={rows.length}
    >
      {rows.map((row) => (
        <tr key={row.id} className={rowClass} data-testid="rejected-row">
          <td className={`${cellClass} tabular-nums`}>{formatDateTime(row.receivedAt)}</td>
          <td className="max-w-64 px-2 py-1.5 text-xs">
            {reasonText(r.reasons, row.reason)}
            {row.field ? <span className="ml-1 font-mono text-slate-600">{row.field}</span> : null}
          </td>
          <td className={`${cellClass} font-mono text-xs`}>{row.unionId ?? "—"}</td>
          <td className={`${cellClass} font-mono text-xs`}>{row.tradeNo ?? "—"}</td>
          <td className={`${cellClass} font-mono text-xs`}>{row.remoteAddr ?? "—"}</td>
          <td className={`${cellClass} text-right tabular-nums`}>{row.bodyBytes}</td>
          <td className="px-2 py-1.5">
            {row.body ? (
              <details>
                <summary className="cursor-pointer select-none text-xs text-blue-700">{r.showBody}</summary>
                <pre className="mt-1 max-h-64 max-w-xl overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs" data-testid="rejected-body">
                  {row.body}
                </pre>
                {Buffer.byteLength(row.body, "utf8") < row.bodyBytes ? <p className="text-xs text-slate-500">{r.truncated}</p> : null}
              </details>
            ) : (
              "—"
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
