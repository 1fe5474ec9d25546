import { Field, FilterButtons, selectClass } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { auditActionLabel } from "@/lib/i18n/audit";
import type { Messages } from "@/lib/i18n/messages/zh-CN";

/** A GET form: filters live in the URL; submitting drops the cursor, so results start at the newest. */
export function AuditFilters({
  values,
  actions,
  t,
}: {
  values: { action?: string; actor?: string };
  actions: string[];
  t: Pick<Messages, "audit" | "table">;
}) {
  const options = values.action && !actions.includes(values.action) ? [values.action, ...actions] : actions;
  return (
    <form method="get" className="mb-3 flex flex-wrap items-end gap-2" aria-label={t.table.filter}>
      <Field label={t.audit.action} htmlFor="action">
        <select id="action" name="action" defaultValue={values.action ?? ""} className={selectClass}>
          <option value="">{t.table.all}</option>
          {options.map((action) => (
            <option key={action} value={action}>
              {auditActionLabel(t, action)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t.audit.actor} htmlFor="actor">
        <Input id="actor" name="actor" defaultValue={values.actor} maxLength={64} className="w-44" />
      </Field>
      <FilterButtons labels={t.table} />
    </form>
  );
}
