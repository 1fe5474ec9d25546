import { cn } from "@/lib/utils";

/**
 * Says on every page where syncs go, so nobody mistakes the simulator for WeChat Pay. While
 * syncing is paused it is never green: nothing is being pushed anywhere.
 */
export function WechatModeBadge({ mode, paused = false, labels }: { mode: string | undefined; paused?: boolean; labels: { live: string; simulator: string; unknown: string } }) {
  const known = mode === "live" || mode === "simulator" ? mode : "unknown";
  return (
    <span
      data-testid="wechat-mode"
      data-paused={paused || undefined}
      className={cn(
        "truncate rounded-full px-2.5 py-0.5 text-xs font-medium",
        paused && "bg-slate-100 text-slate-500 ring-1 ring-slate-300",
        !paused && known === "live" && "bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200",
        !paused && known === "simulator" && "bg-amber-50 text-amber-900 ring-1 ring-amber-300",
        !paused && known === "unknown" && "bg-slate-100 text-slate-700 ring-1 ring-slate-300",
      )}
    >
      {labels[known]}
    </span>
  );
}
