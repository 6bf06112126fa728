"use client";

import { useActionState } from "react";
import { BaseRevisionInput } from "@/components/admin/base-revision";
import { ConflictNotice, useSaveConflict } from "@/components/admin/conflict-notice";
import { submitWithoutReset } from "@/components/admin/submit-without-reset";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { updateAnnotationAction, type AnnotationFormState } from "./actions";
import { AnnotationFields, type AnnotationFieldValues } from "./annotation-fields";

/** Edits what an annotation says; its passage changes only by re-attaching it on its text's page. */
export function EditAnnotationForm({ id, initial }: { id: number; initial: AnnotationFieldValues }) {
  const [state, dispatch, pending] = useActionState<AnnotationFormState, FormData>(updateAnnotationAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const { conflict, keepMine, keepMineNow } = useSaveConflict(state);
  return (
    <form action={dispatch} onSubmit={submitWithoutReset(dispatch)} className="max-w-3xl space-y-6" noValidate>
      <input type="hidden" name="annotationId" value={id} />
      <BaseRevisionInput override={keepMine} />
      <AnnotationFields initial={initial} errors={errors} />
      {/* Beside the button that was pressed: on a long form the top is out of sight. */}
      {state?.ok && <Notice tone="success">Saved.</Notice>}
      {state && !state.ok && conflict ? (
        <ConflictNotice
          conflict={conflict}
          message={state.message}
          historyHref={`/admin/history/annotation/${id}`}
          chosen={keepMine === conflict.revisionId}
          onKeepMine={keepMineNow}
        />
      ) : (
        state && !state.ok && <Notice tone="error">{state.message}</Notice>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save changes"}
      </Button>
    </form>
  );
}
