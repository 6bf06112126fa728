"use client";

import { useActionState, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { DialogButton, DialogCloseButton } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { submitWithoutReset } from "./submit-without-reset";
import type { ActionResult } from "@/lib/action-result";
import type { Reviewer } from "@/modules/workflow/assign";
import type { BulkAction, BulkResult } from "@/modules/workflow/bulk-move";

type BulkServerAction = (
  previous: ActionResult<BulkResult> | null,
  form: FormData,
) => Promise<ActionResult<BulkResult> | null>;

const itemBoxes = (form: string) =>
  Array.from(document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="item"][form="${form}"]`));

/** How many rows of the page are ticked, kept up to date as any checkbox changes. */
function useSelectedCount(form: string) {
  const [selected, setSelected] = useState({ count: 0, total: 0 });
  useEffect(() => {
    const update = () => {
      const boxes = itemBoxes(form);
      setSelected({ count: boxes.filter((box) => box.checked).length, total: boxes.length });
    };
    update();
    document.addEventListener("change", update);
    return () => document.removeEventListener("change", update);
  }, [form]);
  return selected;
}

/** "Select all on this page": ticks or clears every row checkbox of the bulk form. */
export function SelectAll({ form }: { form: string }) {
  const { count, total } = useSelectedCount(form);
  return (
    <input
      type="checkbox"
      aria-label="Select all on this page"
      className="size-4"
      checked={total > 0 && count === total}
      ref={(box) => {
        if (box) box.indeterminate = count > 0 && count < total;
      }}
      onChange={(event) => {
        for (const box of itemBoxes(form)) box.checked = event.target.checked;
      }}
    />
  );
}

const labels: Record<BulkAction, string> = { submit: "Submit for review", publish: "Publish", withdraw: "Withdraw" };

/**
 * The bar that moves the ticked rows through the workflow, and for reviewers assigns them to one
 * (`assign`). Withdrawing takes pages away from readers, so it asks first; the answer lists what
 * happened to each item.
 */
export function BulkActions({
  form,
  type,
  actions,
  action,
  assign,
}: {
  form: string;
  type: "law" | "article";
  actions: BulkAction[];
  action: BulkServerAction;
  assign?: { reviewers: Reviewer[]; action: BulkServerAction } | null;
}) {
  // One report for the bar: the button pressed says which server action runs.
  const [state, formAction, pending] = useActionState(
    (previous: ActionResult<BulkResult> | null, data: FormData) =>
      data.get("action") === "assign" && assign ? assign.action(previous, data) : action(previous, data),
    null,
  );
  const assigneeErrors = state && !state.ok ? state.fieldErrors?.assigneeId : undefined;
  const { count } = useSelectedCount(form);
  useEffect(() => {
    if (!state?.ok) return;
    for (const box of itemBoxes(form)) box.checked = false;
    document.dispatchEvent(new Event("change"));
  }, [state, form]);
  const none = count === 0 || pending;
  return (
    // Not reset after the action, which would also clear the ticked rows (they belong to this form):
    // a refusal keeps the choice; a success clears it above.
    <form
      id={form}
      action={formAction}
      onSubmit={submitWithoutReset(formAction)}
      aria-label="Bulk actions"
      className="space-y-3"
    >
      <input type="hidden" name="type" value={type} />
      <div className="flex flex-wrap items-center gap-2 rounded-lg border border-rule bg-surface px-4 py-2 text-sm">
        <span className="mr-2 font-semibold" aria-live="polite">
          {pending ? "Working…" : `${count} selected`}
        </span>
        {actions
          .filter((a) => a !== "withdraw")
          .map((a) => (
            <Button
              key={a}
              type="submit"
              name="action"
              value={a}
              variant="secondary"
              className="px-3 py-1"
              disabled={none}
            >
              {labels[a]}
            </Button>
          ))}
        {actions.includes("withdraw") && (
          <DialogButton label="Withdraw…" title={`Withdraw ${count} selected?`} variant="danger" disabled={none}>
            <p className="text-sm">
              Readers lose each published item at once; its address answers that it was withdrawn. Items that are not
              published are left as they are.
            </p>
            <div className="mt-4 flex gap-2">
              <Button
                type="submit"
                form={form}
                name="action"
                value="withdraw"
                variant="danger"
                disabled={none}
                onClick={(event) => event.currentTarget.closest("dialog")?.close()}
              >
                Withdraw {count}
              </Button>
              <DialogCloseButton>Cancel</DialogCloseButton>
            </div>
          </DialogButton>
        )}
        {assign && (
          <span className="flex flex-wrap items-center gap-2">
            <label htmlFor={`${form}-assignee`}>Assign to</label>
            <select
              id={`${form}-assignee`}
              name="assigneeId"
              className={`rounded border bg-surface px-2 py-1 text-ink ${assigneeErrors ? "border-danger" : "border-control"}`}
              aria-invalid={assigneeErrors ? true : undefined}
              aria-describedby={assigneeErrors ? `${form}-assignee-error` : undefined}
            >
              {assign.reviewers.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
              <option value="">Nobody (unassign)</option>
            </select>
            <Button
              type="submit"
              name="action"
              value="assign"
              variant="secondary"
              className="px-3 py-1"
              disabled={none}
            >
              Assign
            </Button>
          </span>
        )}
      </div>
      {assigneeErrors && (
        <p id={`${form}-assignee-error`} className="text-sm font-medium text-danger">
          {assigneeErrors.join(" ")}
        </p>
      )}
      {state && !assigneeErrors && <BulkReport state={state} />}
    </form>
  );
}

function BulkReport({ state }: { state: ActionResult<BulkResult> }) {
  if (!state.ok) return <Notice tone="error">{state.message}</Notice>;
  const refused = state.data.outcomes.filter((o) => !o.ok);
  return (
    <Notice tone={refused.length > 0 ? "info" : "success"} testId="bulk-report">
      <p>{state.data.summary}</p>
      {refused.length > 1 && (
        <ul className="mt-1 list-disc pl-5">
          {refused.map((o) => (
            <li key={o.id}>
              {o.title} — {o.ok ? "" : o.reason}
            </li>
          ))}
        </ul>
      )}
    </Notice>
  );
}
