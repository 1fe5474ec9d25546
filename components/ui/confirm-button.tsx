"use client";
import { useState, type ComponentProps } from "react";
import { Button } from "@/components/ui/button";

type Props = Omit<ComponentProps<typeof Button>, "onClick"> & {
  /** The question shown in place of the button, e.g. "确定停用 lee？". */
  question: string;
  labels: { confirm: string; cancel: string };
  onConfirm: () => void;
};

/** A button for a step that is hard to undo: the first click asks, only 确定 acts. */
export function ConfirmButton({ question, labels, onConfirm, children, ...button }: Props) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button {...button} onClick={() => setAsking(true)}>
        {children}
      </Button>
    );
  }
  return (
    <span role="group" aria-label={question} className="inline-flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-2 py-1 text-sm">
      {question}
      <Button
        size="sm"
        variant={button.variant === "destructive" ? "destructive" : "default"}
        disabled={button.disabled}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {labels.confirm}
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setAsking(false)}>
        {labels.cancel}
      </Button>
    </span>
  );
}
