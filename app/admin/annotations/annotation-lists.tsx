"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { DialogButton, DialogCloseButton } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { anchorStateLabels, annotationKindLabels, audienceLabels } from "@/modules/annotations/labels";
import type { AnnotationOnText } from "@/modules/annotations/review";
import { workflowLabel } from "@/modules/workflow/labels";
import { proposeFoundPassageAction, reattachAnnotationAction, type AnnotationFormState } from "./actions";
import { annotationPath } from "./paths";
import { PassageInputs, PassageQuote } from "./passage-quote";
import type { SelectedPassage } from "./passage-selector";

const sectionHeading = "mb-3 border-b border-ink pb-2 text-xs font-bold uppercase tracking-widest";

/** Every annotation on the text: kind, where it stands (in words), its quote and its review state. */
export function AnnotationList({ annotations }: { annotations: AnnotationOnText[] }) {
  return (
    <section aria-labelledby="annotations-heading">
      <h2 id="annotations-heading" className={sectionHeading}>
        Annotations on this text <span className="font-normal text-muted">({annotations.length})</span>
      </h2>
      {annotations.length === 0 ? (
        <p className="text-muted">No annotations on this text yet. Select a passage to add one.</p>
      ) : (
        <ul className="divide-y divide-rule rounded border border-rule bg-surface" data-testid="annotation-list">
          {annotations.map((a) => (
            <li key={a.id} className="space-y-1 px-4 py-3 text-sm" data-testid="annotation-item">
              <p className="flex flex-wrap items-baseline justify-between gap-2">
                <Link href={annotationPath(a.id)} className="font-semibold">
                  {annotationKindLabels[a.kind]}
                  <span className="sr-only"> annotation {a.id}</span>
                </Link>
                <span data-testid="annotation-review">{workflowLabel(a.review, a.visibility)}</span>
              </p>
              <p className={a.placement.state === "anchored" ? "text-muted" : "font-semibold text-caution"}>
                {anchorStateLabels[a.placement.state]}
                {a.audience === "internal" && <span className="font-normal text-muted"> · internal</span>}
              </p>
              <p className="font-serif">“{shorten((a.placement.passage ?? a.made).exact)}”</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Annotations whose passage changed: the old and the new passage side by side, to confirm. */
export function DriftedList({
  annotations,
  targetRevision,
  canWrite,
}: {
  annotations: AnnotationOnText[];
  targetRevision: number;
  canWrite: boolean;
}) {
  if (annotations.length === 0) return null;
  return (
    <section aria-labelledby="drifted-heading" data-testid="drifted">
      <h2 id="drifted-heading" className={sectionHeading}>
        Review drifted annotations <span className="font-normal text-muted">({annotations.length})</span>
      </h2>
      <p className="mb-3 max-w-3xl text-sm text-muted">
        The text changed and these passages were found again only approximately: on this version of the text, readers
        would not see these annotations. Check that each still belongs on the new passage: moving it there is a change
        to review like any other.
      </p>
      <ul className="space-y-4">
        {annotations.map((a) => (
          <li key={a.id} className="space-y-3 rounded border border-rule bg-surface p-4 text-sm">
            <p>
              <Link href={annotationPath(a.id)} className="font-semibold">
                {a.title}
              </Link>{" "}
              · {anchorStateLabels.drifted}
              {a.placement.similarity !== null && ` · ${Math.round(a.placement.similarity * 100)}% alike`}
            </p>
            <div className="grid gap-3 md:grid-cols-2">
              <div>
                <h3 className="font-semibold">Old passage</h3>
                <PassageQuote passage={a.made} label="Old passage" />
              </div>
              <div>
                <h3 className="font-semibold">New passage</h3>
                {a.placement.passage && <PassageQuote passage={a.placement.passage} label="New passage" />}
              </div>
            </div>
            {canWrite && <ProposeFoundPassage annotation={a} targetRevision={targetRevision} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ProposeFoundPassage({ annotation, targetRevision }: { annotation: AnnotationOnText; targetRevision: number }) {
  const [state, dispatch, pending] = useActionState<AnnotationFormState, FormData>(proposeFoundPassageAction, null);
  return (
    <DialogButton
      label="Move to the new passage"
      srLabel={`Move ${annotation.title} to the new passage`}
      title="Move the annotation to the new passage?"
      variant="primary"
    >
      <form action={dispatch} className="space-y-4">
        <input type="hidden" name="annotationId" value={annotation.id} />
        <input type="hidden" name="annotationRevision" value={annotation.revisionId} />
        <input type="hidden" name="targetRevision" value={targetRevision} />
        <p className="text-sm">
          The annotation will be saved as a new draft on “{shorten(annotation.placement.passage?.exact ?? "", 120)}” in
          this version of the text. Readers see it there once the draft is reviewed and published, by someone other than
          you.
        </p>
        {state && !state.ok && <Notice tone="error">{state.message}</Notice>}
        <div className="flex gap-2">
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save as a draft"}
          </Button>
          <DialogCloseButton>Cancel</DialogCloseButton>
        </div>
      </form>
    </DialogButton>
  );
}

/** Annotations whose passage is gone: re-attach each to a new selection, or retire it. */
export function OrphanedList({
  annotations,
  targetRevision,
  selection,
}: {
  annotations: AnnotationOnText[];
  targetRevision: number;
  selection: SelectedPassage | null;
}) {
  if (annotations.length === 0) return null;
  return (
    <section aria-labelledby="orphaned-heading" data-testid="orphaned">
      <h2 id="orphaned-heading" className={sectionHeading}>
        Orphaned annotations <span className="font-normal text-muted">({annotations.length})</span>
      </h2>
      <p className="mb-3 max-w-3xl text-sm text-muted">
        Their passage is no longer in the text. Select the passage each now belongs to and re-attach it, or retire it
        from its page (withdraw or archive).
      </p>
      <ul className="space-y-4">
        {annotations.map((a) => (
          <li key={a.id} className="space-y-3 rounded border border-rule bg-surface p-4 text-sm">
            <p>
              <Link href={annotationPath(a.id)} className="font-semibold">
                {a.title}
              </Link>{" "}
              · {anchorStateLabels.orphaned} · {audienceLabels[a.audience].split(":")[0]}
            </p>
            <PassageQuote passage={a.made} label="Old passage" />
            <Reattach annotation={a} targetRevision={targetRevision} selection={selection} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Reattach({
  annotation,
  targetRevision,
  selection,
}: {
  annotation: AnnotationOnText;
  targetRevision: number;
  selection: SelectedPassage | null;
}) {
  const [state, dispatch, pending] = useActionState<AnnotationFormState, FormData>(reattachAnnotationAction, null);
  const [missing, setMissing] = useState(false);
  const errors = state && !state.ok ? Object.values(state.fieldErrors ?? {}).flat() : [];
  return (
    <form
      action={dispatch}
      onSubmit={(event) => {
        setMissing(!selection);
        if (!selection) event.preventDefault();
      }}
      className="space-y-2"
    >
      <input type="hidden" name="annotationId" value={annotation.id} />
      <input type="hidden" name="baseRevision" value={annotation.revisionId} />
      {selection && <PassageInputs passage={selection} targetRevision={targetRevision} />}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="secondary" disabled={pending} onMouseDown={(e) => e.preventDefault()}>
          {pending ? "Re-attaching…" : "Re-attach to selection"}
          <span className="sr-only"> ({annotation.title})</span>
        </Button>
        <Link href={annotationPath(annotation.id)} className="self-center">
          Retire<span className="sr-only"> {annotation.title}</span> (withdraw or archive on its page)
        </Link>
      </div>
      {missing && <p className="font-medium text-danger">Select the new passage in the text first.</p>}
      {state && !state.ok && (
        <p className="font-medium text-danger">{errors.length ? errors.join(" ") : state.message}</p>
      )}
    </form>
  );
}

function shorten(s: string, n = 160): string {
  const chars = [...s.replace(/\s+/g, " ")];
  return chars.length > n ? `${chars.slice(0, n).join("")}…` : chars.join("");
}
