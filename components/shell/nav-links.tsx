"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

export type NavItem = { href: string; label: string };

export function NavLinks({ items, heading }: { items: NavItem[]; heading?: string }) {
  const pathname = usePathname();
  return (
    <div className="space-y-0.5">
      {heading ? <p className="px-2 pb-1 pt-4 text-xs font-medium uppercase tracking-wide text-slate-400">{heading}</p> : null}
      {items.map((item) => {
        const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "block rounded-md px-2 py-1.5 text-sm",
              active ? "bg-slate-900 font-medium text-white" : "text-slate-700 hover:bg-slate-100",
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </div>
  );
}
