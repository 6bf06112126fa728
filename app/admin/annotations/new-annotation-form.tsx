"use client";

import { useActionState, useEffect, useRef } from "react";
import { submitWithoutReset } from "@/components/admin/submit-without-reset";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { TargetRef } from "@/modules/annotations/target";
import { errorsAt } from "../articles/link-pickers";
import { createAnnotationAction, type AnnotationFormState } from "./actions";
import { AnnotationFields } from "./annotation-fields";
import type { SelectedPassage } from "./passage-selector";
import { PassageInputs, PassageQuote } from "./passage-quote";

/** A new annotation on the selected passage. A failed save keeps everything typed. */
export function NewAnnotationForm({
  target,
  targetRevision,
  passage,
  onSaved,
  onCancel,
}: {
  target: TargetRef;
  targetRevision: number;
  passage: SelectedPassage;
  onSaved: (id: number) => void;
  onCancel: () => void;
}) {
  const [state, dispatch, pending] = useActionState<AnnotationFormState, FormData>(createAnnotationAction, null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (state?.ok) onSaved(state.data.id);
  }, [state, onSaved]);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const passageErrors = errorsAt(errors, "passage") ?? errorsAt(errors, "textId");
  return (
    <form
      action={dispatch}
      onSubmit={submitWithoutReset(dispatch)}
      noValidate
      aria-labelledby="new-annotation-heading"
      className="space-y-4 rounded-lg border border-rule bg-surface p-4"
    >
      <h2 id="new-annotation-heading" ref={heading} tabIndex={-1} className="font-serif text-xl">
        New annotation
      </h2>
      {state && !state.ok && <Notice tone="error">{state.message}</Notice>}
      <input type="hidden" name="targetType" value={target.type} />
      <input type="hidden" name="targetId" value={target.id} />
      {target.textId !== null && <input type="hidden" name="textId" value={target.textId} />}
      <PassageInputs passage={passage} targetRevision={targetRevision} />
      <div>
        <p className="text-sm font-semibold">Passage</p>
        <PassageQuote passage={passage} label="Selected passage" />
        {passageErrors && <p className="mt-1 text-sm font-medium text-danger">{passageErrors.join(" ")}</p>}
        <p className="mt-1 text-sm text-muted">
          To annotate another passage, select it and press “Annotate selection”.
        </p>
      </div>
      <AnnotationFields errors={errors} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save annotation"}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
