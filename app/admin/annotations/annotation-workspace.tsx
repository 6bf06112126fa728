"use client";

import Link from "next/link";
import { useCallback, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { AnnotationOnText } from "@/modules/annotations/review";
import type { TargetRef } from "@/modules/annotations/target";
import { AnnotationList, DriftedList, OrphanedList } from "./annotation-lists";
import { NewAnnotationForm } from "./new-annotation-form";
import { annotationPath } from "./paths";
import { PassageSelector, type SelectedPassage } from "./passage-selector";

/**
 * The annotating page's interactive part: the text to select in, the new-annotation form for the
 * chosen passage, and the annotations on the text by where they stand now.
 */
export function AnnotationWorkspace({
  target,
  targetRevision,
  annotations,
  canWrite,
  textLabel,
  children,
}: {
  target: TargetRef;
  targetRevision: number;
  annotations: AnnotationOnText[];
  canWrite: boolean;
  textLabel: string;
  children: React.ReactNode;
}) {
  // What is selected in the text now, and the passage the open form annotates.
  const [selection, setSelection] = useState<SelectedPassage | null>(null);
  const [chosen, setChosen] = useState<SelectedPassage | null>(null);
  const [round, setRound] = useState(0);
  const [hint, setHint] = useState("");
  const [saved, setSaved] = useState<number | null>(null);

  const highlights = useMemo(
    () =>
      annotations.flatMap((a) =>
        a.placement.state === "anchored" && a.placement.passage ? [a.placement.passage] : [],
      ),
    [annotations],
  );
  const onSaved = useCallback((id: number) => {
    setSaved(id);
    setChosen(null);
    setRound((r) => r + 1);
  }, []);

  function annotateSelection() {
    if (!selection) {
      setHint("Select a passage of the text first.");
      return;
    }
    setHint("");
    setSaved(null);
    setChosen(selection);
  }

  return (
    <div className="space-y-10">
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <PassageSelector label={textLabel} highlights={highlights} onChange={setSelection}>
          {children}
        </PassageSelector>
        <div className="space-y-6 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
          {canWrite && (
            <div className="space-y-2">
              {/* Pressing the button must not take the selection away from the text. */}
              <Button onMouseDown={(e) => e.preventDefault()} onClick={annotateSelection}>
                Annotate selection
              </Button>
              {hint && <p className="text-sm font-medium text-danger">{hint}</p>}
              {saved !== null && (
                <Notice tone="success">
                  Annotation saved as a draft. <Link href={annotationPath(saved)}>Open it</Link> to submit it for
                  review.
                </Notice>
              )}
            </div>
          )}
          {chosen && (
            <NewAnnotationForm
              key={round}
              target={target}
              targetRevision={targetRevision}
              passage={chosen}
              onSaved={onSaved}
              onCancel={() => setChosen(null)}
            />
          )}
          <AnnotationList annotations={annotations} />
        </div>
      </div>
      <DriftedList
        annotations={annotations.filter((a) => a.placement.state === "drifted")}
        targetRevision={targetRevision}
        canWrite={canWrite}
      />
      <OrphanedList
        annotations={annotations.filter((a) => a.placement.state === "orphaned")}
        targetRevision={targetRevision}
        selection={canWrite ? selection : null}
      />
    </div>
  );
}
