"use client";
// A page that failed to render: say so in both languages (the catalogs are server-side) and let
// the operator retry; the details are in the server log under the digest shown.
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Card className="mx-auto mt-10 max-w-md p-6 text-center" role="alert">
      <p className="text-sm font-medium">出错了，请稍后重试。 · Something went wrong. Please try again.</p>
      {error.digest ? <p className="mt-1 font-mono text-xs text-slate-500">{error.digest}</p> : null}
      <Button className="mt-4" size="sm" onClick={reset}>
        重试 · Retry
      </Button>
    </Card>
  );
}
