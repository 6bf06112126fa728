import { Fragment } from "react";
import { AnnotationControls, type AnnotationKindOption } from "@/components/annotations/annotation-controls";
import { AnnotationNote } from "@/components/annotations/annotation-note";
import { Markdown, markdownTypography } from "@/components/ui/markdown";
import { highlightMarkdown } from "@/lib/anchoring/highlight";
import { annotationKindLabels, annotationKinds, type AnnotationKind } from "@/modules/annotations/labels";

/** A published annotation as the text shows it; `start`/`end` are code points of `markdownText`. */
export type AnnotationNoteData = {
  id: number;
  number: number;
  kind: AnnotationKind;
  start: number;
  end: number;
  exact: string;
  bodyMarkdown: string;
  links: { title: string; href: string }[];
  sources: { title: string; url: string | null }[];
  permalink: string;
};

/** "Context note 3": the name of a highlight, its marker and its note, for every reader. */
export const annotationName = (a: Pick<AnnotationNoteData, "kind" | "number">) =>
  a.kind === "note" ? `Note ${a.number}` : `${annotationKindLabels[a.kind]} note ${a.number}`;

/**
 * Markdown with its annotations: passages highlighted, each note right after the block where its
 * passage ends (in the margin on wide screens, a disclosure inline on narrow ones; see the
 * "Annotated text" block of app/globals.css), and a toolbar to filter or hide them.
 */
export function AnnotatedText({
  markdown,
  lang,
  annotations,
}: {
  markdown: string;
  lang?: string;
  annotations: AnnotationNoteData[];
}) {
  if (annotations.length === 0) {
    return lang ? (
      <div lang={lang}>
        <Markdown source={markdown} />
      </div>
    ) : (
      <Markdown source={markdown} />
    );
  }
  const sorted = [...annotations].sort((a, b) => a.number - b.number);
  const blocks = highlightMarkdown(
    markdown,
    sorted.map((a) => ({
      id: a.id,
      start: a.start,
      end: a.end,
      kind: a.kind,
      label: annotationName(a),
      ref: `${a.number}`,
    })),
  );
  // A note whose passage could not be marked (out of this text) still reads, after the last block.
  const placed = new Set(blocks.flatMap((b) => b.endingIds));
  const notesAfter = (index: number) =>
    sorted.filter((a) =>
      blocks[index]!.endingIds.includes(a.id) ? true : index === blocks.length - 1 && !placed.has(a.id),
    );
  const kinds: AnnotationKindOption[] = annotationKinds
    .map((kind) => ({ kind, label: annotationKindLabels[kind], count: sorted.filter((a) => a.kind === kind).length }))
    .filter((option) => option.count > 0);

  return (
    <AnnotationControls kinds={kinds} className={`annotated-text ${markdownTypography}`}>
      {blocks.map((block, i) => (
        <Fragment key={i}>
          <div lang={lang} className="annotated-block" dangerouslySetInnerHTML={{ __html: block.html }} />
          {notesAfter(i).length > 0 && (
            // One box for a block's notes: floated separately, the next block could not start
            // above the last of them (a float never rises above an earlier one).
            <div className="annotation-notes space-y-3">
              {notesAfter(i).map((a) => (
                <AnnotationNote key={a.id} annotation={a} name={annotationName(a)} lang={lang} />
              ))}
            </div>
          )}
        </Fragment>
      ))}
      {blocks.length === 0 &&
        sorted.map((a) => <AnnotationNote key={a.id} annotation={a} name={annotationName(a)} lang={lang} />)}
    </AnnotationControls>
  );
}
