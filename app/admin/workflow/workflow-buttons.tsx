"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { EntityPicker } from "@/components/admin/entity-picker";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ContentType } from "@/modules/workflow/labels";
import type { WorkflowAction } from "@/modules/workflow/machine";
import type { ActionOption } from "@/modules/workflow/options";
import { moveItemAction, searchMergeTargetsAction, type WorkflowFormState } from "./actions";

const copy: Record<
  WorkflowAction,
  { label: string; title: string; explain: string; variant: "primary" | "secondary" | "danger"; comment?: string }
> = {
  submit: {
    label: "Submit for review",
    title: "Submit for review?",
    explain: "An editor will review this version. You can still edit it; an edit takes it back to draft.",
    variant: "primary",
    comment: "Note for the reviewer (optional)",
  },
  request_changes: {
    label: "Request changes",
    title: "Request changes",
    explain: "The author sees your comment and the item goes back to them.",
    variant: "secondary",
    comment: "What needs to change",
  },
  approve: {
    label: "Approve",
    title: "Approve this version?",
    explain: "Approving says this exact revision is ready to publish.",
    variant: "primary",
  },
  publish: {
    label: "Publish now",
    title: "Publish now?",
    explain: "Readers will see this version at once, in place of any version published before.",
    variant: "primary",
  },
  schedule: {
    label: "Schedule",
    title: "Schedule publication",
    explain: "The approved version is published at the time you choose, even if nobody is signed in.",
    variant: "secondary",
  },
  unschedule: {
    label: "Cancel schedule",
    title: "Cancel the scheduled publication?",
    explain: "The version stays approved; publish it now or schedule it again when you are ready.",
    variant: "secondary",
  },
  withdraw: {
    label: "Withdraw",
    title: "Withdraw from the public site?",
    explain: "The page stops being public and its address says it was withdrawn. Its history is kept.",
    variant: "danger",
    comment: "Reason (optional, kept in the comments)",
  },
  archive: {
    label: "Archive",
    title: "Archive this item?",
    explain: "It leaves the workflow and, if public, the public site. Its history is kept.",
    variant: "danger",
    comment: "Reason (optional, kept in the comments)",
  },
};

/** The workflow moves the signed-in user may make now, each confirmed in a dialog. */
export function WorkflowButtons({
  type,
  id,
  baseRevision,
  options,
  className = "mt-4",
}: {
  type: ContentType;
  id: number;
  baseRevision: number;
  options: ActionOption[];
  className?: string;
}) {
  const allowed = options.filter((o) => o.allowed);
  if (allowed.length === 0) return null;
  return (
    <div className={`${className} flex flex-wrap gap-2`}>
      {allowed.map((option) => (
        <MoveDialog key={option.action} type={type} id={id} baseRevision={baseRevision} option={option} />
      ))}
    </div>
  );
}

/** One workflow move: its button, and the dialog that confirms it (also used by the review queue). */
export function MoveDialog({
  type,
  id,
  baseRevision,
  option,
}: {
  type: ContentType;
  id: number;
  baseRevision: number;
  option: ActionOption;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [state, dispatch, pending] = useActionState<WorkflowFormState, FormData>(moveItemAction, null);
  const [publishAt, setPublishAt] = useState("");
  useEffect(() => {
    if (state?.ok) dialog.current?.close();
  }, [state]);
  const text = copy[option.action];
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <>
      <Button variant={text.variant} className="px-3 py-1" onClick={() => dialog.current?.showModal()}>
        {text.label}
        {option.needsReason && <span className="sr-only"> (needs a reason)</span>}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-lg border border-rule bg-surface p-6 text-ink shadow-xl backdrop:bg-black/40"
      >
        <h2 id={titleId} className="font-serif text-xl">
          {text.title}
        </h2>
        <form action={dispatch} className="mt-4 space-y-4">
          <input type="hidden" name="type" value={type} />
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="action" value={option.action} />
          <input type="hidden" name="baseRevision" value={baseRevision} />
          <p className="text-sm">{text.explain}</p>
          {option.needsReason && (
            <TextAreaField
              label="Reason for the override"
              name="overrideReason"
              rows={3}
              required
              hint={option.reason}
              errors={errors.overrideReason}
            />
          )}
          {option.action === "schedule" && (
            <div>
              <label className="block text-sm font-semibold" htmlFor={`${titleId}-when`}>
                Publish at (your local time)
              </label>
              <input
                id={`${titleId}-when`}
                type="datetime-local"
                required
                className="mt-1 rounded border border-rule px-3 py-2"
                onChange={(e) => setPublishAt(e.target.value ? new Date(e.target.value).toISOString() : "")}
                aria-describedby={errors.publishAt ? `${titleId}-when-error` : undefined}
              />
              <input type="hidden" name="publishAt" value={publishAt} />
              {errors.publishAt && (
                <p id={`${titleId}-when-error`} className="mt-1 text-sm text-danger">
                  {errors.publishAt.join(" ")}
                </p>
              )}
            </div>
          )}
          {option.action === "withdraw" && (
            <EntityPicker
              label="Send readers to (optional)"
              name="mergedIntoId"
              hint="If this was merged into another published item, its address will redirect there instead of saying it was withdrawn."
              search={(query) => searchMergeTargetsAction(type, query, id)}
              errors={errors.mergedIntoId}
            />
          )}
          {text.comment && (
            <TextAreaField
              label={text.comment}
              name="comment"
              rows={4}
              required={option.action === "request_changes"}
              errors={errors.comment}
            />
          )}
          {state && !state.ok && !state.fieldErrors && <Notice tone="error">{state.message}</Notice>}
          <div className="flex gap-2">
            <Button type="submit" variant={text.variant} disabled={pending}>
              {pending ? "Working…" : text.label}
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
