"use client";
import { useId } from "react";
import { saveAlertRules } from "@/lib/actions/alerts";
import { Status, useActionStatus } from "@/components/ui/action-status";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { RULE_IDS, type AlertRules } from "@/lib/alerts/rules";
import type { Messages } from "@/lib/i18n/messages/zh-CN";

export function RulesForm({ rules, t }: { rules: AlertRules; t: Messages["alerts"] }) {
  const id = useId();
  const { pending, message, run } = useActionStatus();
  return (
    <form
      aria-label={t.page.rules}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const input = {
          ...Object.fromEntries(RULE_IDS.map((rule) => [rule, { enabled: data.get(`${rule}.enabled`) === "on", threshold: Number(data.get(`${rule}.threshold`)) }])),
          businessHours: { from: Number(data.get("hours.from")), to: Number(data.get("hours.to")) },
        };
        run(() => saveAlertRules(input), () => t.page.rulesSaved);
      }}
    >
      <ul className="divide-y divide-slate-100">
        {RULE_IDS.map((rule) => (
          <li key={rule} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm" data-testid={`rule-${rule}`}>
            <label className="flex min-w-64 items-center gap-2">
              <input type="checkbox" name={`${rule}.enabled`} defaultChecked={rules[rule].enabled} />
              {t.rules[rule].name}
            </label>
            <label className="flex items-center gap-1 text-xs text-slate-600">
              <span className="sr-only">
                {t.rules[rule].name} {t.page.threshold}
              </span>
              <Input name={`${rule}.threshold`} type="number" min={1} required defaultValue={rules[rule].threshold} className="h-8 w-24 tabular-nums" />
              <span aria-hidden>{t.rules[rule].unit}</span>
            </label>
          </li>
        ))}
        <li className="flex flex-wrap items-center gap-2 py-2 text-sm">
          <span className="min-w-64">{t.page.businessHours}</span>
          <label htmlFor={`${id}-from`} className="text-xs text-slate-600">
            {t.page.from}
          </label>
          <Input id={`${id}-from`} name="hours.from" type="number" min={0} max={23} required defaultValue={rules.businessHours.from} className="h-8 w-20" />
          <label htmlFor={`${id}-to`} className="text-xs text-slate-600">
            {t.page.to}
          </label>
          <Input id={`${id}-to`} name="hours.to" type="number" min={1} max={24} required defaultValue={rules.businessHours.to} className="h-8 w-20" />
        </li>
      </ul>
      <div className="mt-2 flex items-center gap-2">
        <Button type="submit" size="sm" disabled={pending}>
          {t.page.saveRules}
        </Button>
        <Status message={message} />
      </div>
    </form>
  );
}
