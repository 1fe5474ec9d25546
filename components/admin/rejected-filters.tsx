import { Field, FilterButtons, selectClass } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { reasonText } from "@/components/admin/rejected-table";
import type { RejectReason } from "@/lib/bolink/reject-reasons";
import type { Messages } from "@/lib/i18n/messages/zh-CN";

/** A GET form: the reason is picked from those ever logged (with their totals), union_id typed in. */
export function RejectedFilters({
  values,
  reasons,
  t,
}: {
  values: { reason?: RejectReason; union?: string };
  reasons: { reason: RejectReason; count: number }[];
  t: Pick<Messages, "rejected" | "table">;
}) {
  const options = values.reason && !reasons.some((r) => r.reason === values.reason) ? [{ reason: values.reason, count: 0 }, ...reasons] : reasons;
  return (
    <form method="get" className="mb-3 flex flex-wrap items-end gap-2" aria-label={t.table.filter}>
      <Field label={t.rejected.reason} htmlFor="reason">
        <select id="reason" name="reason" defaultValue={values.reason ?? ""} className={`${selectClass} max-w-md`} title={t.rejected.countsHint}>
          <option value="">{t.table.all}</option>
          {options.map(({ reason, count }) => (
            <option key={reason} value={reason}>
              {count ? `${reasonText(t.rejected.reasons, reason)} (${count})` : reasonText(t.rejected.reasons, reason)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t.rejected.unionId} htmlFor="union">
        <Input id="union" name="union" defaultValue={values.union} maxLength={64} className="w-40 font-mono" />
      </Field>
      <FilterButtons labels={t.table} />
    </form>
  );
}
