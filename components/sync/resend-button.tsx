"use client";
import { RotateCcw } from "lucide-react";
import { resendSyncs } from "@/lib/actions/sync";
import { Status, useActionStatus } from "@/components/ui/action-status";
import { Button } from "@/components/ui/button";

type Labels = { resend: string; resending: string; resent: string; resendNone: string };

/** Resends the given syncs and says what happened, in a live region screen readers announce. */
export function ResendButton({ ids, labels, label, disabled }: { ids: number[]; labels: Labels; label?: string; disabled?: boolean }) {
  const { pending, message, run } = useActionStatus();
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        size="sm"
        variant="outline"
        disabled={disabled || pending || ids.length === 0}
        onClick={() =>
          run(
            () => resendSyncs({ ids }),
            (data) => (data.queued ? labels.resent.replace("{n}", String(data.queued)) : labels.resendNone),
          )
        }
      >
        <RotateCcw className="h-3.5 w-3.5" aria-hidden />
        {pending ? labels.resending : (label ?? labels.resend)}
      </Button>
      <Status message={message} />
    </span>
  );
}
