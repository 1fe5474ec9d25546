"use client";
import { useState } from "react";
import { resendFailedMatching, setSyncPaused } from "@/lib/actions/sync";
import { Status, useActionStatus } from "@/components/ui/action-status";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { Messages } from "@/lib/i18n/messages/zh-CN";

type Props = {
  t: Messages["syncAdmin"] & Pick<Messages["sync"], "resent" | "resendNone">;
  failedMatching: number;
  filter: { code?: string; park?: string; from?: string; to?: string; q?: string };
  canResend: boolean;
  canPause: boolean;
  paused: boolean;
};

/** Bulk resend (with a confirmation that shows the count) and, for admins, pause / resume. */
export function SyncControls({ t, failedMatching, filter, canResend, canPause, paused }: Props) {
  const { pending, message, run } = useActionStatus();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="mb-3 flex flex-wrap items-center gap-2">
      {canResend && failedMatching > 0 && !confirming ? (
        <Button size="sm" variant="outline" disabled={pending} onClick={() => setConfirming(true)}>
          {t.resendMatching.replace("{n}", String(failedMatching))}
        </Button>
      ) : null}
      {confirming ? (
        <span className="inline-flex items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-2 py-1 text-sm" role="group">
          {t.confirmMatching.replace("{n}", String(failedMatching))}
          <Button
            size="sm"
            disabled={pending}
            onClick={() => {
              setConfirming(false);
              run(
                () => resendFailedMatching(filter),
                (data) => (data.queued ? t.resent.replace("{n}", String(data.queued)) : t.resendNone),
              );
            }}
          >
            {t.confirm}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
            {t.cancel}
          </Button>
        </span>
      ) : null}
      {canPause && paused ? (
        <Button size="sm" disabled={pending} onClick={() => run(() => setSyncPaused({ paused: false }), () => t.resume)}>
          {t.resume}
        </Button>
      ) : null}
      {canPause && !paused ? (
        <ConfirmButton
          size="sm"
          variant="outline"
          disabled={pending}
          question={t.confirmPause}
          labels={{ confirm: t.confirm, cancel: t.cancel }}
          onConfirm={() => run(() => setSyncPaused({ paused: true }), () => t.pause)}
        >
          {t.pause}
        </ConfirmButton>
      ) : null}
      <Status message={message} />
    </div>
  );
}
