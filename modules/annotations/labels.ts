import {
  annotationKinds,
  type AnchorState,
  type AnnotationAudience,
  type AnnotationKind,
} from "@/db/schema/vocabulary";

export { annotationKinds, type AnnotationKind };

/** A kind in words; shown as text beside every highlight, so nothing is told by colour alone. */
export const annotationKindLabels: Record<AnnotationKind, string> = {
  context: "Context",
  fact_check: "Fact-check",
  cross_reference: "Cross-reference",
  translation: "Translation",
  correction: "Correction",
  note: "Note",
};

export const annotationKindOptions = annotationKinds.map((value) => ({ value, label: annotationKindLabels[value] }));

export const audienceLabels: Record<AnnotationAudience, string> = {
  public: "Public: readers see it once published",
  internal: "Internal: only signed-in editors see it",
};

export const anchorStateLabels: Record<AnchorState, string> = {
  anchored: "Anchored",
  drifted: "Drifted: confirm the new passage",
  orphaned: "Orphaned: passage not found",
};
