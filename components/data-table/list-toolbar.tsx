"use client";
import { usePathname, useRouter } from "next/navigation";
import { useRef } from "react";
import { ParkPicker } from "@/components/data-table/park-picker";
import type { FilterSpec, ParkOption } from "@/components/data-table/types";
import { Button } from "@/components/ui/button";
import { Field, selectClass } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import { DATE_PRESETS, presetRange } from "@/lib/list/dates";
import { listHref, PAGE_KEYS, type ListState } from "@/lib/list/params";
import { cn } from "@/lib/utils";

const paramsOf = (filter: FilterSpec) => (filter.variant === "dateRange" ? [filter.from, filter.to] : [filter.param]);

/**
 * The filters of a list, from its columns' meta. A GET form (works without JavaScript); a submit
 * keeps the sort and page size, drops blank fields and starts at the first page; a date preset
 * applies at once.
 * The form is keyed by the URL, so every control always shows what the URL says.
 */
export function ListToolbar({
  filters,
  state,
  parks = [],
  t,
}: {
  filters: FilterSpec[];
  state: ListState;
  parks?: ParkOption[];
  t: Pick<Messages, "table" | "list">;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const form = useRef<HTMLFormElement>(null);
  if (!filters.length) return null;
  const values = state.values;

  const apply = (extra: Record<string, string> = {}) => {
    const data = new FormData(form.current!);
    const changes: Record<string, string | undefined> = {};
    for (const name of filters.flatMap(paramsOf)) changes[name] = (data.get(name) as string | null)?.trim() || undefined;
    router.push(`${pathname}${listHref(values, { ...changes, ...extra })}`);
  };
  const range = filters.find((filter) => filter.variant === "dateRange");

  return (
    <form
      key={JSON.stringify(values)}
      ref={form}
      method="get"
      aria-label={t.table.filter}
      className="mb-3 flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      {filters.map((filter) => (
        <FilterControl key={paramsOf(filter).join("-")} filter={filter} values={values} parks={parks} allLabel={t.table.all} />
      ))}
      {PAGE_KEYS.filter((key) => key === "sort" || key === "dir" || key === "perPage").map((key) =>
        values[key] ? <input key={key} type="hidden" name={key} value={values[key]} /> : null,
      )}
      <Button type="submit">{t.table.filter}</Button>
      <Button asChild variant="ghost">
        <a href="?">{t.table.reset}</a>
      </Button>
      {range && range.variant === "dateRange" ? (
        <div className="flex w-full flex-wrap items-center gap-1" role="group" aria-label={t.list.datePresets}>
          {DATE_PRESETS.map((preset) => {
            const { from, to } = presetRange(preset);
            const active = values[range.from] === from && values[range.to] === to;
            return (
              <Button
                key={preset}
                type="button"
                size="sm"
                variant={active ? "default" : "outline"}
                aria-pressed={active}
                onClick={() => apply({ [range.from]: from, [range.to]: to })}
              >
                {t.list.presets[preset]}
              </Button>
            );
          })}
        </div>
      ) : null}
    </form>
  );
}

function FilterControl({ filter, values, parks, allLabel }: { filter: FilterSpec; values: Record<string, string>; parks: ParkOption[]; allLabel: string }) {
  switch (filter.variant) {
    case "text":
      return (
        <Field label={filter.label} htmlFor={filter.param}>
          <Input id={filter.param} name={filter.param} defaultValue={values[filter.param]} placeholder={filter.placeholder} maxLength={64} className={cn("w-40", filter.className)} />
        </Field>
      );
    case "select":
      return (
        <Field label={filter.label} htmlFor={filter.param}>
          <select id={filter.param} name={filter.param} defaultValue={values[filter.param] ?? ""} className={`${selectClass} max-w-64`}>
            {filter.required ? null : <option value="">{allLabel}</option>}
            {filter.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </Field>
      );
    case "park":
      return (
        <Field label={filter.label} htmlFor={filter.param}>
          <ParkPicker id={filter.param} name={filter.param} value={values[filter.param]} parks={parks} allLabel={allLabel} />
        </Field>
      );
    case "flag":
      return (
        <label className="flex h-9 items-center gap-1.5 text-sm">
          <input type="checkbox" name={filter.param} value="1" defaultChecked={values[filter.param] === "1"} />
          {filter.label}
        </label>
      );
    case "dateRange":
      return (
        <>
          <Field label={filter.labels.from} htmlFor={filter.from}>
            <Input id={filter.from} name={filter.from} type="date" defaultValue={values[filter.from]} className="w-36" />
          </Field>
          <Field label={filter.labels.to} htmlFor={filter.to}>
            <Input id={filter.to} name={filter.to} type="date" defaultValue={values[filter.to]} className="w-36" />
          </Field>
        </>
      );
  }
}
