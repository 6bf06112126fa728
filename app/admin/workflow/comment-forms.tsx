"use client";

import { useActionState, useEffect, useRef } from "react";
import { submitWithoutReset } from "@/components/admin/submit-without-reset";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ContentType } from "@/modules/workflow/labels";
import { addCommentAction, resolveCommentAction, type WorkflowFormState } from "./actions";

export function CommentForm({ type, id }: { type: ContentType; id: number }) {
  const [state, dispatch, pending] = useActionState<WorkflowFormState, FormData>(addCommentAction, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form
      ref={form}
      action={dispatch}
      // Keep what was typed if the save fails: reset only after success (above).
      onSubmit={submitWithoutReset(dispatch)}
      className="mt-4 space-y-2"
    >
      <input type="hidden" name="type" value={type} />
      <input type="hidden" name="id" value={id} />
      <TextAreaField label="Add a comment" name="body" rows={3} errors={errors.body} />
      {state && !state.ok && !state.fieldErrors && <Notice tone="error">{state.message}</Notice>}
      <Button type="submit" variant="secondary" className="px-3 py-1" disabled={pending}>
        {pending ? "Adding…" : "Add comment"}
      </Button>
    </form>
  );
}

export function ResolveButton({ commentId }: { commentId: number }) {
  const [state, dispatch, pending] = useActionState<WorkflowFormState, FormData>(resolveCommentAction, null);
  return (
    <form action={dispatch} className="mt-2">
      <input type="hidden" name="commentId" value={commentId} />
      <Button type="submit" variant="secondary" className="px-2 py-0.5 text-xs" disabled={pending}>
        Resolve<span className="sr-only"> comment {commentId}</span>
      </Button>
      {state && !state.ok && (
        <p role="alert" className="mt-1 text-xs text-danger">
          {state.message}
        </p>
      )}
    </form>
  );
}
