import { Field, FilterButtons, selectClass } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import { SYNC_FILTERS } from "@/lib/validations/renewals";

type Values = Record<string, string | undefined>;

/**
 * A plain GET form: the filters live in the URL (shareable, back button works) and it works with
 * the keyboard and without JavaScript. Submitting drops the page cursor, so a new filter starts
 * at the first page.
 */
export function RenewalsFilters({ values, parks, t }: { values: Values; parks: string[]; t: Pick<Messages, "renewals" | "sync" | "table"> }) {
  const r = t.renewals;
  return (
    <form method="get" className="mb-3 flex flex-wrap items-end gap-2" aria-label={t.table.filter}>
      <Field label={r.from} htmlFor="from">
        <Input id="from" name="from" type="date" defaultValue={values.from} className="w-36" />
      </Field>
      <Field label={r.to} htmlFor="to">
        <Input id="to" name="to" type="date" defaultValue={values.to} className="w-36" />
      </Field>
      <Field label={r.park} htmlFor="park">
        <select id="park" name="park" defaultValue={values.park ?? ""} className={selectClass}>
          <option value="">{t.table.all}</option>
          {parks.map((park) => (
            <option key={park} value={park}>
              {park}
            </option>
          ))}
        </select>
      </Field>
      <Field label={r.search} htmlFor="q">
        <Input id="q" name="q" defaultValue={values.q} className="w-56" />
      </Field>
      <Field label={r.channel} htmlFor="channel">
        <select id="channel" name="channel" defaultValue={values.channel ?? ""} className={selectClass}>
          <option value="">{t.table.all}</option>
          <option value="0">{r.channels["0"]}</option>
          <option value="1">{r.channels["1"]}</option>
        </select>
      </Field>
      <Field label={r.payState} htmlFor="payState">
        <select id="payState" name="payState" defaultValue={values.payState ?? ""} className={selectClass}>
          <option value="">{t.table.all}</option>
          <option value="1">{r.payStates["1"]}</option>
          <option value="0">{r.payStates["0"]}</option>
        </select>
      </Field>
      <Field label={r.syncState} htmlFor="sync">
        <select id="sync" name="sync" defaultValue={values.sync ?? ""} className={selectClass}>
          <option value="">{t.table.all}</option>
          {SYNC_FILTERS.map((status) => (
            <option key={status} value={status}>
              {t.sync.statuses[status]}
            </option>
          ))}
        </select>
      </Field>
      <label className="flex h-9 items-center gap-1.5 text-sm">
        <input type="checkbox" name="conflict" value="1" defaultChecked={values.conflict === "1"} />
        {r.conflictOnly}
      </label>
      <input type="hidden" name="perPage" value={values.perPage ?? ""} />
      <FilterButtons labels={t.table} />
    </form>
  );
}
