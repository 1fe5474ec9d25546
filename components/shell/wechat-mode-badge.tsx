import { cn } from "@/lib/utils";

/** Says on every page where syncs go, so nobody mistakes the simulator for WeChat Pay. */
export function WechatModeBadge({ mode, labels }: { mode: string | undefined; labels: { live: string; simulator: string; unknown: string } }) {
  const known = mode === "live" || mode === "simulator" ? mode : "unknown";
  return (
    <span
      data-testid="wechat-mode"
      className={cn(
        "mr-auto rounded-full px-2.5 py-0.5 text-xs font-medium",
        known === "live" && "bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200",
        known === "simulator" && "bg-amber-50 text-amber-900 ring-1 ring-amber-300",
        known === "unknown" && "bg-slate-100 text-slate-700 ring-1 ring-slate-300",
      )}
    >
      {labels[known]}
    </span>
  );
}
