"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { captureSourceAction } from "./actions";

/** Fetches the source's page now; says what came back, or why nothing did. */
export function CaptureButton({ sourceId }: { sourceId: number }) {
  const [state, formAction, pending] = useActionState(captureSourceAction, null);
  return (
    <form action={formAction} className="space-y-3" aria-busy={pending}>
      <input type="hidden" name="id" value={sourceId} />
      <Button type="submit" disabled={pending}>
        {pending ? "Capturing…" : "Capture"}
      </Button>
      {state && !state.ok && <Notice tone="error">{state.message}</Notice>}
      {state?.ok && state.data.error && (
        <Notice tone="error" testId="capture-result">
          The capture failed: {state.data.error} It is kept in the list below.
        </Notice>
      )}
      {state?.ok && !state.data.error && (
        <Notice tone="success" testId="capture-result">
          Captured: HTTP {state.data.httpStatus}
          {state.data.snapshotSha256 ? ", the page and a snapshot kept." : ", the response kept."}
        </Notice>
      )}
    </form>
  );
}
