"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { DialogButton, DialogCloseButton } from "@/components/ui/dialog";
import type { ActionResult } from "@/lib/action-result";
import { restoreRevisionAction } from "./actions";

/** Restores an old revision as a new working revision, after a confirmation. */
export function RestoreButton({
  type,
  id,
  number,
  baseRevision,
}: {
  type: string;
  id: number;
  number: number;
  baseRevision: number;
}) {
  const [state, dispatch, pending] = useActionState<ActionResult | null, FormData>(restoreRevisionAction, null);
  if (state?.ok)
    return (
      <p role="status" className="text-sm text-success">
        {state.message}
      </p>
    );
  return (
    <DialogButton label="Restore" srLabel={`Restore revision ${number}`} title={`Restore revision ${number}?`}>
      <form action={dispatch} className="space-y-4">
        <input type="hidden" name="type" value={type} />
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="number" value={number} />
        <input type="hidden" name="baseRevision" value={baseRevision} />
        <p className="text-sm">
          The item becomes as it was in revision {number}, saved as a new draft revision. Nothing is lost: the current
          version stays in the history, and the public page changes only when the restored version is published.
        </p>
        {state && !state.ok && (
          <p role="alert" className="text-sm font-medium text-danger">
            {state.message}
          </p>
        )}
        <div className="flex gap-2">
          <Button type="submit" disabled={pending}>
            {pending ? "Restoring…" : "Restore"}
          </Button>
          <DialogCloseButton>Cancel</DialogCloseButton>
        </div>
      </form>
    </DialogButton>
  );
}
