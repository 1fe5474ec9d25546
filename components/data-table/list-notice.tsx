import type { Messages } from "@/lib/i18n/messages/zh-CN";

/** Says which URL parameters were ignored, with a way back to the unfiltered list. */
export function ListNotice({ dropped, t }: { dropped: string[]; t: Messages["list"] }) {
  if (!dropped.length) return null;
  return (
    <p role="alert" data-testid="list-notice" className="mb-3 flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <span>{t.dropped.replace("{names}", dropped.join("、"))}</span>
      <a href="?" className="font-medium text-blue-700 underline">
        {t.clearFilters}
      </a>
    </p>
  );
}
