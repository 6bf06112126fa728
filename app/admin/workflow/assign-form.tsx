"use client";

import { useActionState } from "react";
import { submitWithoutReset } from "@/components/admin/submit-without-reset";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import type { Reviewer } from "@/modules/workflow/assign";
import type { ContentType } from "@/modules/workflow/labels";
import { assignItemAction, type WorkflowFormState } from "./actions";

/** The sidebar's "assign to a reviewer" form: choosing "Nobody" unassigns. */
export function AssignForm({
  type,
  id,
  assigneeId,
  reviewers,
}: {
  type: ContentType;
  id: number;
  assigneeId: number | null;
  reviewers: Reviewer[];
}) {
  const [state, dispatch, pending] = useActionState<WorkflowFormState, FormData>(assignItemAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const options = [{ value: "", label: "Nobody" }, ...reviewers.map((r) => ({ value: String(r.id), label: r.name }))];
  return (
    <form
      action={dispatch}
      onSubmit={submitWithoutReset(dispatch)}
      className="mt-3 flex flex-wrap items-end gap-2"
      aria-label="Assign to a reviewer"
    >
      <input type="hidden" name="type" value={type} />
      <input type="hidden" name="id" value={id} />
      <SelectField
        label="Assign to"
        name="assigneeId"
        options={options}
        defaultValue={assigneeId === null ? "" : String(assigneeId)}
        errors={errors.assigneeId}
        className="min-w-0 flex-1"
      />
      <Button type="submit" variant="secondary" className="px-3 py-2" disabled={pending}>
        {pending ? "Saving…" : "Assign"}
      </Button>
      <p className="w-full text-sm" role="status">
        {state?.ok && state.message}
        {state && !state.ok && !state.fieldErrors && <span className="text-danger">{state.message}</span>}
      </p>
    </form>
  );
}
