"use client";
import { useId, useState } from "react";
import { createAlertChannel } from "@/lib/actions/alerts";
import { Status, useActionStatus } from "@/components/ui/action-status";
import { Button } from "@/components/ui/button";
import { Field, selectClass } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { CHANNEL_KINDS, type ChannelKind } from "@/lib/alerts/channels";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import { ALERT_ERRORS } from "@/lib/validations/alerts";

/** The address and secret are write-only: sent once, never shown again. */
export function AddChannelForm({ t }: { t: Messages["alerts"]["page"] }) {
  const id = useId();
  const [kind, setKind] = useState<ChannelKind>("wecom");
  const { pending, message, run } = useActionStatus({ known: ALERT_ERRORS, texts: t.errors });
  return (
    <form
      aria-labelledby={`${id}-title`}
      className="flex flex-wrap items-start gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        const text = (name: string) => String(data.get(name) ?? "").trim();
        const input = { kind, name: text("name"), url: text("url"), secret: text("secret") || undefined, emailTo: kind === "email" ? text("emailTo") : undefined };
        run(
          () => createAlertChannel(input),
          () => t.added.replace("{name}", input.name),
          () => form.reset(),
        );
      }}
    >
      <h2 id={`${id}-title`} className="w-full text-sm font-semibold">
        {t.addTitle}
      </h2>
      <Field label={t.kind} htmlFor={`${id}-kind`}>
        <select id={`${id}-kind`} name="kind" value={kind} onChange={(event) => setKind(event.target.value as ChannelKind)} className={selectClass}>
          {CHANNEL_KINDS.map((value) => (
            <option key={value} value={value}>
              {t.kinds[value]}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t.name} htmlFor={`${id}-name`}>
        <Input id={`${id}-name`} name="name" required maxLength={100} autoComplete="off" className="w-40" />
      </Field>
      <Field label={t.url} htmlFor={`${id}-url`} hint={t.urlHint}>
        <Input id={`${id}-url`} name="url" type="password" required maxLength={2000} autoComplete="off" className="w-80 font-mono" aria-describedby={`${id}-url-hint`} />
      </Field>
      {kind === "dingtalk" || kind === "webhook" ? (
        <Field label={t.secret} htmlFor={`${id}-secret`} hint={t.secretHint}>
          <Input
            id={`${id}-secret`}
            name="secret"
            type="password"
            required={kind === "webhook"}
            minLength={kind === "webhook" ? 16 : undefined}
            maxLength={500}
            autoComplete="new-password"
            className="w-56 font-mono"
            aria-describedby={`${id}-secret-hint`}
          />
        </Field>
      ) : null}
      {kind === "email" ? (
        <Field label={t.emailTo} htmlFor={`${id}-to`} hint={t.emailToHint}>
          <Input id={`${id}-to`} name="emailTo" required maxLength={1000} autoComplete="off" className="w-64" aria-describedby={`${id}-to-hint`} />
        </Field>
      ) : null}
      <div className="flex items-center gap-2 pt-5">
        <Button type="submit" disabled={pending}>
          {pending ? t.working : t.add}
        </Button>
        <Status message={message} />
      </div>
    </form>
  );
}
