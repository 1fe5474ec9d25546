"use client";
import { useId, useState } from "react";
import { changeOwnPassword } from "@/lib/actions/account";
import { Status, useActionStatus, type StatusMessage } from "@/components/ui/action-status";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import { USER_ERRORS } from "@/lib/validations/users";

export function ChangePasswordForm({ t }: { t: Messages["account"] }) {
  const id = useId();
  const { pending, message, run } = useActionStatus({ known: USER_ERRORS, texts: t.errors });
  const [mismatch, setMismatch] = useState<StatusMessage>(null);
  return (
    <form
      aria-labelledby={`${id}-title`}
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        const input = { currentPassword: String(data.get("currentPassword")), newPassword: String(data.get("newPassword")) };
        if (input.newPassword !== String(data.get("confirmPassword"))) return setMismatch({ text: t.mismatch, error: true });
        setMismatch(null);
        run(
          () => changeOwnPassword(input),
          () => t.changed,
          () => form.reset(),
        );
      }}
    >
      <div>
        <h2 id={`${id}-title`} className="text-sm font-semibold">
          {t.passwordTitle}
        </h2>
        <p className="text-xs text-slate-500">{t.passwordHelp}</p>
      </div>
      <Field label={t.currentPassword} htmlFor={`${id}-current`}>
        <Input id={`${id}-current`} name="currentPassword" type="password" required maxLength={200} autoComplete="current-password" className="w-full max-w-72" />
      </Field>
      <Field label={t.newPassword} htmlFor={`${id}-new`} hint={t.newPasswordHint}>
        <Input
          id={`${id}-new`}
          name="newPassword"
          type="password"
          required
          minLength={10}
          maxLength={200}
          autoComplete="new-password"
          aria-describedby={`${id}-new-hint`}
          className="w-full max-w-72"
        />
      </Field>
      <Field label={t.confirmPassword} htmlFor={`${id}-confirm`}>
        <Input id={`${id}-confirm`} name="confirmPassword" type="password" required minLength={10} maxLength={200} autoComplete="new-password" className="w-full max-w-72" />
      </Field>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? t.working : t.change}
        </Button>
        <Status message={mismatch ?? message} />
      </div>
    </form>
  );
}
