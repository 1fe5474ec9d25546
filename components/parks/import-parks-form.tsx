"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { importParksAction } from "@/app/(dashboard)/parks/actions";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/input";
import type { Messages } from "@/lib/i18n/messages/zh-CN";

export function ImportParksForm({ t }: { t: Messages["parks"] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const file = new FormData(event.currentTarget).get("file");
        if (!(file instanceof File) || !file.size) return;
        startTransition(async () => {
          const result = await importParksAction({ csv: await file.text() });
          if ("error" in result) setMessage({ text: result.error, error: true });
          else {
            setMessage({ text: t.imported.replace("{n}", String(result.data.imported)), error: false });
            router.refresh();
          }
        });
      }}
    >
      <div className="flex flex-col gap-1">
        <Label htmlFor="park-csv" className="text-xs text-slate-600">
          {t.importFile}
        </Label>
        <input id="park-csv" name="file" type="file" accept=".csv,text/csv" className="text-sm" />
      </div>
      <Button type="submit" size="sm" disabled={pending}>
        {t.import}
      </Button>
      <p className="w-full text-xs text-slate-500">{t.importHelp}</p>
      <p role="status" className={message?.error ? "w-full text-sm text-red-700" : "w-full text-sm text-emerald-700"}>
        {message?.text}
      </p>
    </form>
  );
}
