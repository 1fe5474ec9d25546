import Link from "next/link";
import { Button } from "@/components/ui/button";

/** Keyset pager: links that replace the cursor in the current URL, keeping every filter. */
export function Pager({
  params,
  prev,
  next,
  labels,
}: {
  params: Record<string, string | undefined>;
  prev: string | null;
  next: string | null;
  labels: { first: string; prev: string; next: string };
}) {
  const href = (cursor: Record<string, string>) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value && key !== "after" && key !== "before") query.set(key, value);
    for (const [key, value] of Object.entries(cursor)) query.set(key, value);
    return `?${query.toString()}`;
  };
  return (
    <nav className="mt-3 flex items-center justify-end gap-2" aria-label="pagination">
      {prev ? (
        <>
          <Button asChild variant="ghost" size="sm">
            <Link href={href({})}>{labels.first}</Link>
          </Button>
          <Button asChild variant="outline" size="sm">
            <Link href={href({ before: prev })} rel="prev">
              {labels.prev}
            </Link>
          </Button>
        </>
      ) : null}
      {next ? (
        <Button asChild variant="outline" size="sm">
          <Link href={href({ after: next })} rel="next">
            {labels.next}
          </Link>
        </Button>
      ) : null}
    </nav>
  );
}

/** Forward-only keyset pages: "next" continues after the last row shown (its cursor), keeping every filter. */
export function KeysetPager({
  params,
  next,
  labels,
}: {
  params: Record<string, string | undefined>;
  next: string | number | null;
  labels: { first: string; next: string };
}) {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1] && e[0] !== "after"));
  const first = `?${query.toString()}`;
  if (next) query.set("after", String(next));
  if (!params.after && !next) return null;
  return (
    <nav className="mt-3 flex justify-end gap-2" aria-label="pagination">
      {params.after ? (
        <Button asChild variant="ghost" size="sm">
          <Link href={first}>{labels.first}</Link>
        </Button>
      ) : null}
      {next ? (
        <Button asChild variant="outline" size="sm">
          <Link href={`?${query.toString()}`} rel="next">
            {labels.next}
          </Link>
        </Button>
      ) : null}
    </nav>
  );
}
