"use client";
import { deleteAlertChannel, sendTestAlert } from "@/lib/actions/alerts";
import { Status, useActionStatus } from "@/components/ui/action-status";
import { Button } from "@/components/ui/button";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import { ALERT_ERRORS } from "@/lib/validations/alerts";

/** "Send test" for every channel; "remove" only for the ones stored in the console. */
export function ChannelActions({ channel, t }: { channel: { key: string; id: number | null; name: string }; t: Messages["alerts"]["page"] }) {
  const { pending, message, run } = useActionStatus({ known: ALERT_ERRORS, texts: t.errors });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        size="sm"
        variant="outline"
        disabled={pending}
        aria-label={`${t.sendTest} ${channel.name}`}
        onClick={() =>
          run(
            () => sendTestAlert({ channel: channel.key }),
            (result) => (result.sent ? t.testSent.replace("{name}", channel.name) : t.testFailed.replace("{error}", result.error ?? "")),
          )
        }
      >
        {t.sendTest}
      </Button>
      {channel.id !== null ? (
        <Button size="sm" variant="ghost" disabled={pending} aria-label={`${t.remove} ${channel.name}`} onClick={() => run(() => deleteAlertChannel({ id: channel.id }), () => t.removed)}>
          {t.remove}
        </Button>
      ) : null}
      <Status message={pending ? { text: t.working, error: false } : message} />
    </div>
  );
}
