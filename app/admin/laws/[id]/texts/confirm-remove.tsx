"use client";

import { useActionState, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";
import { BaseRevisionInput } from "@/components/admin/base-revision";

/**
 * A "Remove" button that asks first, in a native modal dialog (focus stays inside, Escape closes).
 * The button names what it removes for screen readers, since a list holds many of them. After a
 * removal the item leaves the page, so focus moves to `returnFocusTo` instead of being lost.
 */
export function ConfirmRemove({
  action,
  fields,
  name,
  title,
  children,
  returnFocusTo,
}: {
  action: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;
  fields: Record<string, string | number>;
  /** What is removed, read after "Remove" by screen readers: "the Russian text of 2024". */
  name: string;
  title: string;
  children: React.ReactNode;
  returnFocusTo?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [state, dispatch, pending] = useActionState<ActionResult | null, FormData>(async (previous, form) => {
    const result = await action(previous, form).catch((): ActionResult => ({
      ok: false,
      code: "network",
      message: "The request could not be sent. Try again.",
    }));
    if (result.ok) {
      dialog.current?.close();
      if (returnFocusTo) document.getElementById(returnFocusTo)?.focus();
    }
    return result;
  }, null);
  return (
    <>
      <Button variant="secondary" className="px-3 py-1" onClick={() => dialog.current?.showModal()}>
        Remove<span className="sr-only"> {name}</span>
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-rule bg-surface p-6 text-ink shadow-xl backdrop:bg-black/40"
      >
        <h2 id={titleId} className="font-serif text-xl">
          {title}
        </h2>
        <form action={dispatch} className="mt-4 space-y-4">
          {Object.entries(fields).map(([key, value]) => (
            <input key={key} type="hidden" name={key} value={value} />
          ))}
          <BaseRevisionInput />
          <div className="text-sm">{children}</div>
          {state && !state.ok && (
            <p role="alert" className="text-sm font-medium text-danger">
              {state.message}
            </p>
          )}
          <div className="flex gap-2">
            <Button type="submit" variant="danger" disabled={pending}>
              {pending ? "Removing…" : "Remove"}
            </Button>
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
