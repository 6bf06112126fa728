import type { AnnotationKind } from "@/db/schema/vocabulary";
import { annotationKindLabels } from "@/modules/annotations/labels";
import type { PublicAnnotation } from "./annotations";

/** The media type the W3C Web Annotation protocol asks for, with the profile of its JSON-LD context. */
export const webAnnotationType = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
const context = "http://www.w3.org/ns/anno.jsonld";

/** Our kinds as W3C motivations (https://www.w3.org/TR/annotation-vocab/#motivation). */
const motivations: Record<AnnotationKind, string> = {
  context: "describing",
  fact_check: "assessing",
  cross_reference: "linking",
  translation: "describing",
  correction: "editing",
  note: "commenting",
};

/** An annotation's stable IRI: its address in the API, which serves it. */
export function annotationIri(origin: string, id: number): string {
  return `${origin}/api/v1/annotations/${id}`;
}

/** One published annotation as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/). */
export function webAnnotation(a: PublicAnnotation, origin: string, embedded = false) {
  return {
    ...(embedded ? {} : { "@context": context }),
    id: annotationIri(origin, a.id),
    type: "Annotation",
    motivation: motivations[a.kind],
    created: a.firstPublishedAt.toISOString(),
    modified: a.publishedAt.toISOString(),
    creator: { type: "Organization", name: "Marginalia editors" },
    body: [
      {
        type: "TextualBody",
        value: a.body,
        format: "text/markdown",
        purpose: motivations[a.kind],
      },
      { type: "TextualBody", value: annotationKindLabels[a.kind], purpose: "classifying" },
      ...a.links.map((l) =>
        l.passage
          ? {
              type: "SpecificResource",
              purpose: "linking",
              source: `${origin}${l.passage.page}`,
              selector: {
                type: "TextQuoteSelector",
                exact: l.passage.exact,
                prefix: l.passage.prefix,
                suffix: l.passage.suffix,
              },
            }
          : { id: `${origin}${l.href}`, type: "Text", purpose: "linking", title: l.title },
      ),
      ...a.sources.flatMap((s) => (s.url ? [{ id: s.url, type: "Text", purpose: "linking", title: s.title }] : [])),
    ],
    target: {
      type: "SpecificResource",
      source: `${origin}${a.targetPath}`,
      selector: [
        { type: "TextQuoteSelector", exact: a.exact, prefix: a.prefix, suffix: a.suffix },
        { type: "TextPositionSelector", start: a.start, end: a.end },
      ],
    },
  };
}

/** Every published annotation on one page, as one W3C AnnotationCollection with its items embedded. */
export function annotationCollection(items: PublicAnnotation[], origin: string, self: string, label: string) {
  return {
    "@context": context,
    id: self,
    type: "AnnotationCollection",
    label,
    total: items.length,
    first: {
      id: `${self}#page-1`,
      type: "AnnotationPage",
      startIndex: 0,
      items: items.map((a) => webAnnotation(a, origin, true)),
    },
  };
}

/**
 * A page of a walk through every published annotation, as a W3C AnnotationPage
 * (https://www.w3.org/TR/annotation-model/#annotation-page): `next` is there while pages follow.
 */
export function annotationPage(items: PublicAnnotation[], origin: string, self: string, next: string | null) {
  return {
    "@context": context,
    id: self,
    type: "AnnotationPage",
    items: items.map((a) => webAnnotation(a, origin, true)),
    ...(next && { next }),
  };
}
