"use client";
import { CheckCircle2, RotateCcw } from "lucide-react";
import { confirmSyncs, resendSyncs } from "@/lib/actions/sync";
import { Status, useActionStatus } from "@/components/ui/action-status";
import { Button } from "@/components/ui/button";

type Labels = {
  confirm: string;
  confirming: string;
  confirmed: string;
  confirmNone: string;
  forceResend: string;
  forceResendConfirm: string;
  resending: string;
  resent: string;
  resendNone: string;
};

/**
 * An accepted-but-unverified push waits for an operator: confirm it as synced (WeChat holds it),
 * or force a resend after a warning that WeChat may then hold it twice. Both are audited actions.
 */
export function UnverifiedActions({ syncId, labels }: { syncId: number; labels: Labels }) {
  const { pending, message, run } = useActionStatus();
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        size="sm"
        disabled={pending}
        onClick={() => run(() => confirmSyncs({ ids: [syncId] }), (data) => (data.confirmed ? labels.confirmed : labels.confirmNone))}
      >
        <CheckCircle2 className="h-3.5 w-3.5" aria-hidden />
        {pending ? labels.confirming : labels.confirm}
      </Button>
      <Button
        size="sm"
        variant="outline"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(labels.forceResendConfirm)) return;
          run(
            () => resendSyncs({ ids: [syncId], force: true }),
            (data) => (data.queued ? labels.resent.replace("{n}", String(data.queued)) : labels.resendNone),
          );
        }}
      >
        <RotateCcw className="h-3.5 w-3.5" aria-hidden />
        {pending ? labels.resending : labels.forceResend}
      </Button>
      <Status message={message} />
    </span>
  );
}
