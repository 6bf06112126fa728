import type { PublicAnnotation } from "@/modules/public/annotations";
import type { AnnotationNoteData } from "./annotated-text";

/** Published annotations as a text shows them: numbered in reading order, each with its permalink. */
export function noteData(annotations: PublicAnnotation[]): AnnotationNoteData[] {
  return [...annotations]
    .sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id)
    .map((a, i) => ({
      id: a.id,
      number: i + 1,
      kind: a.kind,
      start: a.start,
      end: a.end,
      exact: a.exact,
      bodyMarkdown: a.body,
      links: a.links.map((l) => ({ title: l.title, href: l.href })),
      sources: a.sources,
      permalink: `${a.targetPath}#annotation-${a.id}`,
    }));
}
