"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/action-result";
import { approveFigureAction } from "./actions";

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

/** Whether readers see the figure, and the approval that shows it, for an editor who did not save it last. */
export function FigureApproval({
  id,
  seenAt,
  approvedAt,
  approvedByName,
  canApprove,
}: {
  id: number;
  seenAt: string;
  approvedAt: Date | null;
  approvedByName: string | null;
  canApprove: boolean;
}) {
  const [state, dispatch, pending] = useActionState<ActionResult | null, FormData>(approveFigureAction, null);
  if (approvedAt)
    return (
      <p className="text-sm" data-testid="figure-approval">
        Shown to readers since {day.format(approvedAt)} UTC
        {approvedByName && `, approved by ${approvedByName}`}.
      </p>
    );
  return (
    <form action={dispatch} className="flex flex-wrap items-center gap-3 text-sm" data-testid="figure-approval">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="seenAt" value={seenAt} />
      <span>
        Not shown to readers: an editor other than the last to save it approves it, and again after each change.
      </span>
      {canApprove && (
        <Button type="submit" disabled={pending}>
          {pending ? "Approving…" : "Approve for readers"}
        </Button>
      )}
      {state && !state.ok && <Notice tone="error">{state.message}</Notice>}
    </form>
  );
}
