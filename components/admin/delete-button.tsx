"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { DialogButton, DialogCloseButton } from "@/components/ui/dialog";
import type { ActionResult } from "@/lib/action-result";

/** Deletes an item after a confirmation dialog, then returns to its list. */
export function DeleteButton({
  action,
  id,
  what,
  afterDelete,
}: {
  action: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;
  id: string | number;
  what: string;
  afterDelete: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.push(afterDelete);
  }, [state, router, afterDelete]);
  return (
    <DialogButton label="Delete" title={`Delete ${what}?`} variant="danger">
      <form action={formAction} className="space-y-4">
        <input type="hidden" name="id" value={id} />
        <p className="text-sm">This cannot be undone. Anything that only belongs to it goes with it.</p>
        {state && !state.ok && (
          <p role="alert" className="text-sm font-medium text-danger">
            {state.message}
          </p>
        )}
        <div className="flex gap-2">
          <Button type="submit" variant="danger" disabled={pending}>
            {pending ? "Deleting…" : "Delete"}
          </Button>
          <DialogCloseButton>Cancel</DialogCloseButton>
        </div>
      </form>
    </DialogButton>
  );
}
