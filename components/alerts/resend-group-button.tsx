"use client";
import { resendFailureGroup } from "@/lib/actions/failures";
import { Status, useActionStatus } from "@/components/ui/action-status";
import { Button } from "@/components/ui/button";
import type { Messages } from "@/lib/i18n/messages/zh-CN";

export function ResendGroupButton({ group, failed, t }: { group: string; failed: number; t: Messages["failures"] & { working: string } }) {
  const { pending, message, run } = useActionStatus();
  return (
    <span className="inline-flex items-center gap-2">
      <Button size="sm" disabled={pending || failed === 0} onClick={() => run(() => resendFailureGroup({ group }), (result) => t.resentGroup.replace("{n}", String(result.queued)))}>
        {t.resendGroup}
      </Button>
      <Status message={pending ? { text: t.working, error: false } : message} />
    </span>
  );
}
