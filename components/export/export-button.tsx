import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";

/** The download link a list page puts in its header: the export route with the page's filters. */
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
