import type { AnnotationKind } from "@/db/schema/vocabulary";
import { annotationKindLabels } from "./labels";

const excerptLength = 60;

/** The opening of a quoted passage on one line, cut after 60 characters (code points) with "…". */
export function passageExcerpt(exact: string): string {
  const quote = [...exact.replace(/\s+/g, " ").trim()];
  return quote.length > excerptLength ? `${quote.slice(0, excerptLength).join("")}…` : quote.join("");
}

/**
 * An annotation named as an editor knows it, by its kind, what it annotates and the start of its
 * passage: Fact-check on Law on archives: “The archives are open…”. Without a target title (a
 * revision's own title, or a target since deleted) it names only the passage.
 */
export function annotationTitle(note: { kind: AnnotationKind; exact: string; targetTitle: string | null }): string {
  const quote = `“${passageExcerpt(note.exact)}”`;
  const kind = annotationKindLabels[note.kind];
  return note.targetTitle ? `${kind} on ${note.targetTitle}: ${quote}` : `${kind} on ${quote}`;
}
