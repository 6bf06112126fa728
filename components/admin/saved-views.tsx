"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { DialogButton, DialogCloseButton } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import { submitWithoutReset } from "./submit-without-reset";

type View = { id: number; name: string; query: string };
type ViewAction = (previous: ActionResult<View> | null, form: FormData) => Promise<ActionResult<View> | null>;

/**
 * The signed-in editor's saved views of a list: links that reapply them, a delete that asks
 * first, and a form that saves the current filters, sort and columns under a name.
 */
export function SavedViews({
  list,
  path,
  query,
  views,
  saveAction,
  deleteAction,
}: {
  list: string;
  path: string;
  query: string;
  views: View[];
  saveAction: ViewAction;
  deleteAction: ViewAction;
}) {
  const [saved, save, saving] = useActionState(saveAction, null);
  // A new form after each save, so the name field empties; after a refusal it keeps what was typed.
  const [formKey, setFormKey] = useState(0);
  const [lastSaved, setLastSaved] = useState<typeof saved>(null);
  if (saved !== lastSaved) {
    setLastSaved(saved);
    if (saved?.ok) setFormKey((key) => key + 1);
  }
  return (
    <section
      aria-labelledby="saved-views-heading"
      className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-rule bg-surface px-4 py-2 text-sm"
    >
      <h2 id="saved-views-heading" className="text-xs font-semibold uppercase tracking-wide text-muted">
        Saved views
      </h2>
      {views.length === 0 ? (
        <p className="text-muted">None yet.</p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {views.map((view) => (
            <li key={view.id} className="flex items-center gap-1 rounded border border-rule py-0.5 pl-3 pr-1">
              <Link href={view.query ? `${path}?${view.query}` : path}>{view.name}</Link>
              <DeleteView view={view} list={list} action={deleteAction} />
            </li>
          ))}
        </ul>
      )}
      <details className="basis-full sm:ml-auto sm:basis-auto">
        <summary className="cursor-pointer font-semibold">Save this view…</summary>
        <form
          key={formKey}
          action={save}
          onSubmit={submitWithoutReset(save)}
          className="mt-2 flex flex-wrap items-end gap-2"
          noValidate
        >
          <input type="hidden" name="list" value={list} />
          <input type="hidden" name="query" value={query} />
          <TextField
            label="Save this view as"
            name="name"
            hint="Keeps the filters, sort and columns shown now."
            maxLength={80}
            autoComplete="off"
            errors={saved && !saved.ok ? (saved.fieldErrors?.name ?? [saved.message]) : undefined}
            className="min-w-48 flex-1"
          />
          <Button type="submit" variant="secondary" disabled={saving}>
            {saving ? "Saving…" : "Save view"}
          </Button>
        </form>
      </details>
      {saved?.ok && (
        <p role="status" className="basis-full text-success">
          Saved “{saved.data.name}”.
        </p>
      )}
    </section>
  );
}

function DeleteView({ view, list, action }: { view: View; list: string; action: ViewAction }) {
  const [state, remove, pending] = useActionState(action, null);
  return (
    <DialogButton label="×" srLabel={`Delete view ${view.name}`} title={`Delete the view “${view.name}”?`}>
      <form action={remove} className="space-y-4">
        <input type="hidden" name="id" value={view.id} />
        <input type="hidden" name="list" value={list} />
        <p className="text-sm">Only the saved view goes; no item changes.</p>
        {state && !state.ok && <p className="text-sm font-medium text-danger">{state.message}</p>}
        <div className="flex gap-2">
          <Button type="submit" variant="danger" disabled={pending}>
            {pending ? "Deleting…" : "Delete view"}
          </Button>
          <DialogCloseButton>Cancel</DialogCloseButton>
        </div>
      </form>
    </DialogButton>
  );
}
