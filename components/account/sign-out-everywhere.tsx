"use client";
import { signOut } from "next-auth/react";
import { useTransition, useState } from "react";
import { signOutEverywhere } from "@/lib/actions/account";
import { Status, localizeError, type StatusMessage } from "@/components/ui/action-status";
import { Button } from "@/components/ui/button";
import type { Messages } from "@/lib/i18n/messages/zh-CN";

export function SignOutEverywhere({ t }: { t: Messages["account"] }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<StatusMessage>(null);
  return (
    <div className="flex flex-col gap-2">
      <h2 className="text-sm font-semibold">{t.signOutTitle}</h2>
      <p className="text-xs text-slate-500">{t.signOutHelp}</p>
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="outline"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await signOutEverywhere({});
              if ("error" in result) return setMessage({ text: localizeError(result.error, {}, t.errors), error: true });
              // This session ended with the others; drop its cookie and go to sign-in.
              await signOut({ callbackUrl: "/login" });
            })
          }
        >
          {pending ? t.working : t.signOutEverywhere}
        </Button>
        <Status message={message} />
      </div>
    </div>
  );
}
