"use client";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { selectClass } from "@/components/ui/field";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import { listHref, PER_PAGE_CHOICES, type ListState } from "@/lib/list/params";

/**
 * Keyset pager: first / previous / next pages as links carrying a cursor in the list's current
 * sort (so "next" continues the order on screen), and the page size (capped by the schema).
 */
export function ListPager({ state, page, t }: { state: ListState; page: { next: string | null; prev: string | null }; t: Pick<Messages, "table" | "list"> }) {
  const router = useRouter();
  const pathname = usePathname();
  const paged = !!(page.prev || page.next || state.values.after || state.values.before);
  return (
    <nav className="mt-3 flex flex-wrap items-center justify-end gap-2" aria-label={t.list.pagination}>
      <label className="mr-auto flex items-center gap-1.5 text-xs text-slate-600">
        {t.list.perPage}
        <select
          className={`${selectClass} h-8`}
          value={state.perPage}
          onChange={(event) => router.push(`${pathname}${listHref(state.values, { perPage: event.target.value })}`)}
        >
          {PER_PAGE_CHOICES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      {paged && page.prev ? (
        <>
          <Button asChild variant="ghost" size="sm">
            <Link href={listHref(state.values, {})}>{t.table.first}</Link>
          </Button>
          <Button asChild variant="outline" size="sm">
            <Link href={listHref(state.values, { before: page.prev })} rel="prev">
              {t.table.prev}
            </Link>
          </Button>
        </>
      ) : null}
      {page.next ? (
        <Button asChild variant="outline" size="sm">
          <Link href={listHref(state.values, { after: page.next })} rel="next">
            {t.table.next}
          </Link>
        </Button>
      ) : null}
    </nav>
  );
}
