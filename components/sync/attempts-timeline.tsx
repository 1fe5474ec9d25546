import { Badge, type Tone } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/i18n/format";
import { signatureText } from "@/lib/i18n/signature";
import { syncErrorText } from "@/lib/i18n/sync-error";
import type { Messages } from "@/lib/i18n/messages/zh-CN";

type Attempt = {
  id: number;
  startedAt: Date;
  durationMs: number;
  httpStatus: number | null;
  code: string | null;
  message: string | null;
  requestBody: string;
  responseBody: string | null;
  signatureCheck: string | null;
  outcome: "SUCCESS" | "TRANSIENT" | "PERMANENT" | "UNVERIFIED";
  trigger: "WORKER" | "RESEND" | "FORCED_RESEND";
  triggeredBy: string | null;
};

/** An operator who confirmed an accepted-but-unverified push as synced. */
type Confirmation = { confirmedBy: string | null; confirmedAt: Date | null };

const tone: Record<Attempt["outcome"], Tone> = { SUCCESS: "green", TRANSIENT: "amber", PERMANENT: "red", UNVERIFIED: "amber" };

/** Newest first: each attempt with what triggered it (the worker, or the operator who resent). */
export function AttemptsTimeline({ attempts, confirmation, t, errors }: { attempts: Attempt[]; confirmation?: Confirmation | null; t: Messages["sync"]; errors: Messages["syncErrors"] }) {
  if (!attempts.length) return <p className="text-sm text-slate-500">{t.noAttempts}</p>;
  return (
    <ol className="space-y-2 border-l border-slate-200 pl-4" data-testid="attempts">
      {confirmation?.confirmedAt ? (
        <li className="text-sm" data-testid="attempt-confirmation">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone="green">{t.statuses.SYNCED}</Badge>
            <span className="tabular-nums">{formatDateTime(confirmation.confirmedAt)}</span>
            <span className="text-slate-700">{t.confirmedBy.replace("{user}", confirmation.confirmedBy ?? "—")}</span>
          </div>
        </li>
      ) : null}
      {attempts.map((attempt) => (
        <li key={attempt.id} className="text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={tone[attempt.outcome]}>{t.outcomes[attempt.outcome]}</Badge>
            <span className="tabular-nums">{formatDateTime(attempt.startedAt)}</span>
            <span className="text-slate-700" data-testid="attempt-trigger">
              {t.triggers[attempt.trigger].replace("{user}", attempt.triggeredBy ?? "—")}
            </span>
            <span className="text-slate-500">
              {t.httpStatus} {attempt.httpStatus ?? "—"} · {t.duration} {attempt.durationMs} ms · {t.signature}{" "}
              <span title={attempt.signatureCheck ?? undefined}>{signatureText(t, attempt.signatureCheck)}</span>
            </span>
          </div>
          {attempt.code || attempt.message ? (
            <p className="text-slate-700">
              {attempt.code} {syncErrorText({ sync: t, syncErrors: errors }, attempt.message)}
            </p>
          ) : null}
          <details className="mt-1">
            <summary className="cursor-pointer text-xs text-slate-500">
              {t.request} / {t.response}
            </summary>
            <pre className="mt-1 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs">{attempt.requestBody}</pre>
            <pre className="mt-1 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs">{attempt.responseBody || "—"}</pre>
          </details>
        </li>
      ))}
    </ol>
  );
}
