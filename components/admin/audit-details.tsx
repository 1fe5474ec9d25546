import { auditDetails } from "@/lib/i18n/audit";
import type { Messages } from "@/lib/i18n/messages/zh-CN";

/** An audit entry's details as "label: value" lines in the reader's language. */
export function AuditDetails({ details, t }: { details: unknown; t: Pick<Messages, "audit" | "roles" | "parks" | "sync"> }) {
  const pairs = auditDetails(t, details);
  if (!pairs.length) return <>—</>;
  return (
    <ul className="max-w-xl space-y-0.5 text-xs text-slate-700">
      {pairs.map(([label, value], i) => (
        <li key={i} className="break-all">
          {label}: {value}
        </li>
      ))}
    </ul>
  );
}
