import Link from "next/link";
import { formatDateTime } from "@/lib/i18n/format";
import { fill } from "@/lib/i18n/fill";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import { syncPauseState } from "@/lib/sync/pause-state";

/** On every dashboard page while syncing is paused: a pause nobody notices is a day of missing pushes. */
export async function PausedBanner({ t }: { t: Messages["paused"] }) {
  const { paused, since } = await syncPauseState();
  if (!paused) return null;
  return (
    <div role="alert" data-testid="paused-banner" className="flex flex-wrap items-center gap-x-3 border-b-2 border-red-400 bg-red-600 px-4 py-2 text-sm font-medium text-white">
      <span>{fill(t.banner, { since: formatDateTime(since) })}</span>
      <Link href="/sync" className="underline underline-offset-2">
        {t.manage}
      </Link>
    </div>
  );
}
