import { Label } from "@/components/ui/input";

/** A small label above its control, for the dense filter and admin forms. */
export function Field({ label, htmlFor, hint, children }: { label: string; htmlFor: string; hint?: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={htmlFor} className="text-xs text-slate-600">
        {label}
      </Label>
      {children}
      {hint ? (
        <p id={`${htmlFor}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export const selectClass = "h-9 rounded-md border border-slate-300 bg-white px-2 text-sm";
