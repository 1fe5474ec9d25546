// The skeleton every dashboard page shows while its data loads: a loading.tsx wraps its page
// and every segment below it in Suspense, so this one file serves them all.
export default function Loading() {
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
