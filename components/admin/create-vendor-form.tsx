"use client";
import { useId } from "react";
import { createVendor } from "@/lib/actions/vendors";
import { Status, useActionStatus } from "@/components/ui/action-status";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { UKEY_MIN_LENGTH } from "@/lib/bolink/ukey";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import { VENDOR_ERRORS } from "@/lib/validations/vendors";

export function CreateVendorForm({ t }: { t: Messages["vendors"] }) {
  const id = useId();
  const { pending, message, run } = useActionStatus({ known: VENDOR_ERRORS, texts: t.errors });
  return (
    <form
      aria-labelledby={`${id}-title`}
      className="flex flex-wrap items-start gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        const input = { unionId: String(data.get("unionId")).trim(), name: String(data.get("name")), ukey: String(data.get("ukey")) };
        run(
          () => createVendor(input),
          () => t.created.replace("{id}", input.unionId),
          () => form.reset(),
        );
      }}
    >
      <h2 id={`${id}-title`} className="w-full text-sm font-semibold">
        {t.createTitle}
      </h2>
      <Field label={t.unionId} htmlFor={`${id}-union`} hint={t.unionIdHint}>
        <Input
          id={`${id}-union`}
          name="unionId"
          required
          inputMode="numeric"
          pattern="\d{1,18}"
          maxLength={18}
          autoComplete="off"
          aria-describedby={`${id}-union-hint`}
          className="w-36 font-mono"
        />
      </Field>
      <Field label={t.name} htmlFor={`${id}-name`}>
        <Input id={`${id}-name`} name="name" required maxLength={100} autoComplete="off" className="w-48" />
      </Field>
      <Field label={t.ukey} htmlFor={`${id}-ukey`} hint={t.ukeyHint}>
        <Input
          id={`${id}-ukey`}
          name="ukey"
          type="password"
          required
          minLength={UKEY_MIN_LENGTH}
          pattern="\s*[A-Za-z0-9]+\s*"
          maxLength={200}
          autoComplete="new-password"
          aria-describedby={`${id}-ukey-hint`}
          className="w-56 font-mono"
        />
      </Field>
      <div className="flex items-center gap-2 pt-5">
        <Button type="submit" disabled={pending}>
          {pending ? t.working : t.create}
        </Button>
        <Status message={message} />
      </div>
    </form>
  );
}
