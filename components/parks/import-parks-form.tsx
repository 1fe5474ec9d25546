"use client";
import { importParks } from "@/lib/actions/parks";
import { Status, useActionStatus } from "@/components/ui/action-status";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { Messages } from "@/lib/i18n/messages/zh-CN";

export function ImportParksForm({ t }: { t: Messages["parks"] }) {
  const { pending, message, run } = useActionStatus();
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const file = new FormData(event.currentTarget).get("file");
        if (!(file instanceof File) || !file.size) return;
        run(
          async () => importParks({ csv: await file.text() }),
          (data) => t.imported.replace("{n}", String(data.imported)),
        );
      }}
    >
      <Field label={t.importFile} htmlFor="park-csv">
        <input id="park-csv" name="file" type="file" accept=".csv,text/csv" className="text-sm" />
      </Field>
      <Button type="submit" size="sm" disabled={pending}>
        {t.import}
      </Button>
      <p className="w-full text-xs text-slate-500">{t.importHelp}</p>
      <Status message={message} className="w-full text-sm" />
    </form>
  );
}
