import Link from "next/link";
import { Button } from "@/components/ui/button";

/** Newest-first keyset pages: "next" continues after the last id shown, keeping every filter. */
export function KeysetPager({
  params,
  next,
  labels,
}: {
  params: Record<string, string | undefined>;
  next: number | null;
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
