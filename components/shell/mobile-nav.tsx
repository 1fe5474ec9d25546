"use client";
import { Menu, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Below the md breakpoint the sidebar becomes this: a menu button and a drawer (a modal <dialog>,
 * so focus stays inside and Esc closes it). Its content is only rendered while open, so the
 * sidebar's links are the only ones in the page otherwise. Following a link closes it.
 */
export function MobileNav({ labels, children }: { labels: { open: string; close: string; title: string }; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <>
      <Button variant="ghost" size="icon" className="md:hidden" aria-label={labels.open} aria-expanded={open} onClick={() => setOpen(true)} data-testid="nav-menu">
        <Menu className="h-5 w-5" aria-hidden />
      </Button>
      <dialog
        ref={dialog}
        aria-label={labels.title}
        onClose={() => setOpen(false)}
        // A click on the backdrop lands on the dialog element itself; one on a link navigates away.
        onClick={(event) => {
          if (event.target === event.currentTarget || (event.target as HTMLElement).closest("a")) setOpen(false);
        }}
        className="m-0 h-dvh max-h-none w-72 max-w-[85vw] border-r border-slate-200 bg-white p-0 shadow-xl backdrop:bg-slate-900/40 md:hidden"
      >
        {open ? (
          <div className="flex min-h-full flex-col px-3 py-3">
            <div className="flex items-center justify-between pb-3">
              <p className="px-2 text-sm font-semibold">{labels.title}</p>
              <Button variant="ghost" size="icon" aria-label={labels.close} onClick={() => setOpen(false)}>
                <X className="h-5 w-5" aria-hidden />
              </Button>
            </div>
            {children}
          </div>
        ) : null}
      </dialog>
    </>
  );
}
