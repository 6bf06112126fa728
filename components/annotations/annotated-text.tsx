import type { RootContent } from "hast";
import { AnnotationControls, type AnnotationKindOption } from "@/components/annotations/annotation-controls";
import { annotationNote, element } from "@/components/annotations/annotation-note";
import { HtmlIsland } from "@/components/ui/html-island";
import { markdownTypography } from "@/components/ui/markdown";
import { highlightMarkdown } from "@/lib/anchoring/highlight";
import { shareIslandHtml } from "@/lib/html-islands/keep";
import { htmlOf, renderMarkdown } from "@/lib/markdown";
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

/** An annotated text written out: its HTML, and the kinds of note in it for the toolbar. */
export type AnnotatedHtml = { html: string; kinds: AnnotationKindOption[] };

type AnnotatedTextProps = { markdown: string; lang?: string; annotations: AnnotationNoteData[] };

/**
 * Markdown with its annotations: passages highlighted, each note right after the block where its
 * passage ends (in the margin on wide screens, a disclosure inline on narrow ones; see the
 * "Annotated text" block of app/globals.css). The text and its notes are one string of HTML: as
 * elements, a law with 200 notes was 600 KB of payload beside its 350 KB of HTML.
 */
export function annotatedHtml({ markdown, lang, annotations }: AnnotatedTextProps): AnnotatedHtml {
  if (annotations.length === 0) return { html: renderMarkdown(markdown), kinds: [] };
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

  const note = (a: AnnotationNoteData) => annotationNote(a, annotationName(a), lang);
  const content: RootContent[] = blocks.flatMap((block, i) => {
    const notes = notesAfter(i);
    return [
      // Sanitized when the Markdown was rendered (highlightMarkdown); only our marks were added.
      element("div", { lang, className: ["annotated-block"] }, [{ type: "raw", value: block.html }]),
      // One box for a block's notes: floated separately, the next block could not start above
      // the last of them (a float never rises above an earlier one).
      ...(notes.length > 0 ? [element("div", { className: ["annotation-notes"] }, notes.map(note))] : []),
    ];
  });
  if (blocks.length === 0) content.push(...sorted.map(note));
  return { html: htmlOf({ type: "root", children: content }), kinds };
}

/**
 * An annotated text on the page, with a toolbar to filter or hide its notes when it has any. Its
 * HTML goes to the reader once, as an island (components/ui/html-island.tsx), not again in the
 * page's payload.
 */
export function AnnotatedTextView({ text, lang }: { text: AnnotatedHtml; lang?: string }) {
  const htmlKey = shareIslandHtml(text.html);
  if (text.kinds.length === 0) return <HtmlIsland htmlKey={htmlKey} lang={lang} className={markdownTypography} />;
  return <AnnotationControls kinds={text.kinds} className={`annotated-text ${markdownTypography}`} htmlKey={htmlKey} />;
}

export function AnnotatedText(props: AnnotatedTextProps) {
  return <AnnotatedTextView text={annotatedHtml(props)} lang={props.lang} />;
}
