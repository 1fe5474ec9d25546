"use client";
import { useId, useState } from "react";
import { changeUserRole, resetUserPassword, setUserDisabled } from "@/lib/actions/users";
import { Status, useActionStatus } from "@/components/ui/action-status";
import { selectClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Input } from "@/components/ui/input";
import { ROLES } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import { cn } from "@/lib/utils";
import { USER_ERRORS } from "@/lib/validations/users";

type User = { id: number; username: string; role: Role; disabled: boolean };

/** One user's role, enabled state and password; every change is checked again on the server. */
export function UserRowControls({ user, self = false, t, roles }: { user: User; self?: boolean; t: Messages["users"]; roles: Messages["roles"] }) {
  const id = useId();
  const [role, setRole] = useState<Role>(user.role);
  const { pending, message, run } = useActionStatus({ known: USER_ERRORS, texts: t.errors });
  const name = (text: string) => text.replace("{name}", user.username);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {self ? (
        // Your own role and access are not yours to change here (the server refuses it too).
        <span className="text-xs text-slate-500" data-testid="own-row-note">
          {t.ownAccount}
        </span>
      ) : (
        <>
          <label htmlFor={`${id}-role`} className="sr-only">
            {name(t.roleFor)}
          </label>
          <select id={`${id}-role`} value={role} onChange={(event) => setRole(event.target.value as Role)} className={cn(selectClass, "h-8 text-xs")}>
            {ROLES.map((value) => (
              <option key={value} value={value}>
                {roles[value]}
              </option>
            ))}
          </select>
          <Button
            size="sm"
            variant="outline"
            disabled={pending || role === user.role}
            onClick={() =>
              run(
                () => changeUserRole({ userId: user.id, role }),
                () => name(t.roleChanged).replace("{role}", roles[role]),
              )
            }
          >
            {t.saveRole}
          </Button>
          {user.disabled ? (
            <Button
              size="sm"
              variant="outline"
              disabled={pending}
              aria-label={`${t.enable} ${user.username}`}
              onClick={() => run(() => setUserDisabled({ userId: user.id, disabled: false }), () => name(t.enabledDone))}
            >
              {t.enable}
            </Button>
          ) : (
            <ConfirmButton
              size="sm"
              variant="destructive"
              disabled={pending}
              aria-label={`${t.disable} ${user.username}`}
              question={name(t.confirmDisable)}
              labels={{ confirm: t.confirm, cancel: t.cancel }}
              onConfirm={() => run(() => setUserDisabled({ userId: user.id, disabled: true }), () => name(t.disabledDone))}
            >
              {t.disable}
            </ConfirmButton>
          )}
        </>
      )}
      <details className="relative">
        <summary className="cursor-pointer select-none rounded-md px-2 py-1 text-xs text-blue-700 hover:bg-slate-100">{t.resetPassword}</summary>
        <form
          className="mt-1 flex items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const password = String(new FormData(form).get("password"));
            run(
              () => resetUserPassword({ userId: user.id, password }),
              () => name(t.passwordReset),
              () => form.reset(),
            );
          }}
        >
          <label htmlFor={`${id}-password`} className="sr-only">
            {name(t.newPasswordFor)}
          </label>
          <Input
            id={`${id}-password`}
            name="password"
            type="password"
            required
            minLength={10}
            maxLength={200}
            autoComplete="new-password"
            placeholder={t.passwordHint}
            className="h-8 w-44 text-xs"
          />
          <Button size="sm" type="submit" disabled={pending}>
            {t.setPassword}
          </Button>
        </form>
      </details>
      <Status message={pending ? { text: t.working, error: false } : message} />
    </div>
  );
}
