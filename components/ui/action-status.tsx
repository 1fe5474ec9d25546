"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/action";
import { cn } from "@/lib/utils";

export type StatusMessage = { text: string; error: boolean } | null;

/** The refusals every action can answer, besides its own. */
const COMMON_ERRORS = { forbidden: "forbidden", unauthenticated: "unauthenticated", internal: "internal error" } as const;

/** An action's error in the reader's language when it is a known refusal; as sent otherwise. */
export function localizeError(error: string, known: Record<string, string>, texts: Record<string, string>): string {
  const key = Object.entries({ ...COMMON_ERRORS, ...known }).find(([, message]) => message === error)?.[0];
  return (key && texts[key]) || error;
}

/**
 * Runs a server action in a transition, then says what happened (a live region) and refreshes
 * the page's rows. `run` resolves true on success so a form can clear itself.
 */
export function useActionStatus(errors: { known: Record<string, string>; texts: Record<string, string> } = { known: {}, texts: {} }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<StatusMessage>(null);
  function run<T>(call: () => Promise<ActionResult<T>>, success: (data: T) => string, after?: () => void) {
    startTransition(async () => {
      const result = await call();
      if ("error" in result) {
        setMessage({ text: localizeError(result.error, errors.known, errors.texts), error: true });
        return;
      }
      setMessage({ text: success(result.data), error: false });
      after?.();
      router.refresh();
    });
  }
  return { pending, message, run };
}

export function Status({ message, className }: { message: StatusMessage; className?: string }) {
  return (
    <span role="status" className={cn("text-xs", message?.error ? "text-red-700" : "text-emerald-700", className)}>
      {message?.text}
    </span>
  );
}
