"use client";

import { useRef } from "react";
import { Button } from "./button";

/**
 * A button that opens a modal dialog (native <dialog>: focus is trapped and Escape closes it).
 * Used to confirm destructive or irreversible actions.
 */
export function DialogButton({
  label,
  title,
  variant = "secondary",
  srLabel,
  disabled,
  children,
}: {
  label: string;
  /** What a screen reader hears when many rows have a button with the same visible label. */
  srLabel?: string;
  title: string;
  variant?: "secondary" | "danger" | "primary";
  disabled?: boolean;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  return (
    <>
      <Button
        variant={variant}
        className="px-3 py-1"
        aria-label={srLabel}
        disabled={disabled}
        onClick={() => ref.current?.showModal()}
      >
        {label}
      </Button>
      <dialog
        ref={ref}
        aria-label={title}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-rule bg-surface p-6 text-ink shadow-xl backdrop:bg-black/40"
      >
        <h2 className="font-serif text-xl">{title}</h2>
        <div className="mt-4">{children}</div>
      </dialog>
    </>
  );
}

/** Closes the dialog it sits in. */
export function DialogCloseButton({ children }: { children: React.ReactNode }) {
  return (
    <Button variant="secondary" onClick={(event) => event.currentTarget.closest("dialog")?.close()}>
      {children}
    </Button>
  );
}
