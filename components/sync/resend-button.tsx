"use client";
import { RotateCcw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { resendSyncsAction } from "@/app/(dashboard)/sync/actions";
import { Button } from "@/components/ui/button";

type Labels = { resend: string; resending: string; resent: string; resendNone: string };

/** Resends the given syncs and says what happened, in a live region screen readers announce. */
export function ResendButton({ ids, labels, label, disabled }: { ids: number[]; labels: Labels; label?: string; disabled?: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        size="sm"
        variant="outline"
        disabled={disabled || pending || ids.length === 0}
        onClick={() =>
          startTransition(async () => {
            const result = await resendSyncsAction({ ids });
            if ("error" in result) setMessage({ text: result.error, error: true });
            else {
              const n = result.data.queued;
              setMessage({ text: n ? labels.resent.replace("{n}", String(n)) : labels.resendNone, error: false });
              router.refresh();
            }
          })
        }
      >
        <RotateCcw className="h-3.5 w-3.5" aria-hidden />
        {pending ? labels.resending : (label ?? labels.resend)}
      </Button>
      <span role="status" className={message?.error ? "text-xs text-red-700" : "text-xs text-emerald-700"}>
        {message?.text}
      </span>
    </span>
  );
}
