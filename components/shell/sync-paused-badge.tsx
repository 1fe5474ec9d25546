import Link from "next/link";

/** In the header on every page while WeChat syncing is paused: nothing is being pushed. */
export function SyncPausedBadge({ label, title }: { label: string; title: string }) {
  return (
    <Link
      href="/sync"
      title={title}
      data-testid="sync-paused"
      className="shrink-0 rounded-full bg-red-50 px-2.5 py-0.5 text-xs font-medium text-red-800 ring-1 ring-red-300 hover:bg-red-100"
    >
      {label}
    </Link>
  );
}
