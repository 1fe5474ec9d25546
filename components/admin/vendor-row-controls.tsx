"use client";
import { useId } from "react";
import { replaceVendorKey, updateVendor } from "@/lib/actions/vendors";
import { Status, useActionStatus } from "@/components/ui/action-status";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { UKEY_MIN_LENGTH } from "@/lib/bolink/ukey";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import { VENDOR_ERRORS } from "@/lib/validations/vendors";

type Vendor = { id: number; unionId: string; name: string; enabled: boolean };

/** Name and enabled state in one small form; the key in its own, write-only, never prefilled. */
export function VendorRowControls({ vendor, t }: { vendor: Vendor; t: Messages["vendors"] }) {
  const id = useId();
  const { pending, message, run } = useActionStatus({ known: VENDOR_ERRORS, texts: t.errors });
  const withId = (text: string) => text.replace("{id}", vendor.unionId);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form
        className="flex items-center gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const input = { id: vendor.id, name: String(data.get("name")), enabled: data.get("enabled") === "on" };
          run(() => updateVendor(input), () => withId(t.saved));
        }}
      >
        <label htmlFor={`${id}-name`} className="sr-only">
          {withId(t.nameFor)}
        </label>
        <Input id={`${id}-name`} name="name" defaultValue={vendor.name} required maxLength={100} className="h-8 w-44 text-xs" />
        <label className="flex items-center gap-1 text-xs">
          <input type="checkbox" name="enabled" defaultChecked={vendor.enabled} aria-label={withId(t.enabledFor)} />
          <span aria-hidden>{t.enabled}</span>
        </label>
        <Button size="sm" variant="outline" type="submit" disabled={pending}>
          {t.save}
        </Button>
      </form>
      <details>
        <summary className="cursor-pointer select-none rounded-md px-2 py-1 text-xs text-blue-700 hover:bg-slate-100">{t.replaceKey}</summary>
        <form
          className="mt-1 flex items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const ukey = String(new FormData(form).get("ukey"));
            run(
              () => replaceVendorKey({ id: vendor.id, ukey }),
              () => withId(t.keyReplaced),
              () => form.reset(),
            );
          }}
        >
          <label htmlFor={`${id}-ukey`} className="sr-only">
            {withId(t.newKeyFor)}
          </label>
          <Input
            id={`${id}-ukey`}
            name="ukey"
            type="password"
            required
            minLength={UKEY_MIN_LENGTH}
            pattern="\s*[A-Za-z0-9]+\s*"
            maxLength={200}
            autoComplete="new-password"
            placeholder={t.ukeyHint}
            className="h-8 w-56 font-mono text-xs"
          />
          <Button size="sm" type="submit" disabled={pending}>
            {t.saveKey}
          </Button>
        </form>
      </details>
      <Status message={pending ? { text: t.working, error: false } : message} />
    </div>
  );
}
