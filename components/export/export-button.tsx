import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";

/** The download link every list page puts in its header; `href` comes from exportHref(). */
export function ExportButton({ href, label }: { href: string; label: string }) {
  return (
    <Button asChild variant="outline" size="sm">
      <a href={href} download data-testid="export-csv">
        <Download className="h-4 w-4" aria-hidden />
        {label}
      </a>
    </Button>
  );
}
