/** A list page's loading.tsx. Detail pages ([id]) have none: a Suspense boundary above them
 * would start a 200 response before notFound() could make it a 404. */
export function ListSkeleton() {
  return (
    <div aria-busy="true" className="space-y-2">
      <div className="h-6 w-40 animate-pulse rounded bg-slate-200" />
      <div className="h-9 w-full animate-pulse rounded bg-slate-100" />
      {Array.from({ length: 12 }, (_, i) => (
        <div key={i} className="h-7 w-full animate-pulse rounded bg-slate-100" />
      ))}
    </div>
  );
}
