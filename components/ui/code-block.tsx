"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** A body shown formatted, with a button that copies the original text exactly as received. */
export function CodeBlock({ shown, original, labels, testId }: { shown: string; original: string; labels: { copy: string; copied: string }; testId?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="relative">
      <Button
        size="sm"
        variant="outline"
        className="absolute right-2 top-2"
        onClick={async () => {
          await navigator.clipboard.writeText(original);
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        }}
      >
        {copied ? labels.copied : labels.copy}
      </Button>
      <pre data-testid={testId} className="max-h-96 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 pr-24 text-xs">
        {shown}
      </pre>
    </div>
  );
}
