"use client";
import { useId } from "react";
import { createUser } from "@/lib/actions/users";
import { Status, useActionStatus } from "@/components/ui/action-status";
import { Field, selectClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { ROLES } from "@/lib/auth/roles";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import { USER_ERRORS } from "@/lib/validations/users";

export function CreateUserForm({ t, roles }: { t: Messages["users"]; roles: Messages["roles"] }) {
  const id = useId();
  const { pending, message, run } = useActionStatus({ known: USER_ERRORS, texts: t.errors });
  return (
    <form
      aria-labelledby={`${id}-title`}
      className="flex flex-wrap items-start gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        const input = { username: String(data.get("username")), password: String(data.get("password")), role: String(data.get("role")) };
        run(
          () => createUser(input),
          () => t.created.replace("{name}", input.username.trim()),
          () => form.reset(),
        );
      }}
    >
      <h2 id={`${id}-title`} className="w-full text-sm font-semibold">
        {t.createTitle}
      </h2>
      <Field label={t.username} htmlFor={`${id}-username`}>
        <Input id={`${id}-username`} name="username" required minLength={2} maxLength={64} autoComplete="off" className="w-44" />
      </Field>
      <Field label={t.password} htmlFor={`${id}-password`} hint={t.passwordHint}>
        <Input
          id={`${id}-password`}
          name="password"
          type="password"
          required
          minLength={10}
          maxLength={200}
          autoComplete="new-password"
          aria-describedby={`${id}-password-hint`}
          className="w-48"
        />
      </Field>
      <Field label={t.role} htmlFor={`${id}-role`}>
        <select id={`${id}-role`} name="role" defaultValue="VIEWER" className={selectClass}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {roles[role]}
            </option>
          ))}
        </select>
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
