import { z } from "zod";
import { annotationAudiences, annotationKinds } from "@/db/schema/vocabulary";
import { annotatableTypes, linkableTypes } from "./schemas";

/**
 * An annotation revision's snapshot as stored. Revisions are immutable and hashed as stored, so a
 * change of this shape is a new version: keep the old schema, upgrade it to the new one in the
 * parser, and add tests/fixtures/snapshots/annotation-v<N>.json. Snapshots written before versions
 * were recorded have no schemaVersion; their shape is version 1's (links to another annotation
 * came later, as a new value of a link's type, which older snapshots simply do not use).
 */
export const annotationSnapshotVersion = 1 as const;

export const annotationSnapshotSchema = z.object({
  schemaVersion: z.literal(annotationSnapshotVersion).default(annotationSnapshotVersion),
  slug: z.string(),
  title: z.string(),
  target: z.object({ type: z.enum(annotatableTypes), id: z.number(), textId: z.number().nullable() }),
  kind: z.enum(annotationKinds),
  audience: z.enum(annotationAudiences),
  body: z.string(),
  passage: z.object({
    exact: z.string(),
    prefix: z.string(),
    suffix: z.string(),
    start: z.number(),
    end: z.number(),
    revisionId: z.number(),
  }),
  links: z.array(z.object({ type: z.enum(linkableTypes), id: z.number(), title: z.string() })),
  sources: z.array(z.object({ id: z.number(), title: z.string(), url: z.string() })),
});

export type AnnotationSnapshot = z.output<typeof annotationSnapshotSchema>;

export function parseAnnotationSnapshot(raw: unknown): AnnotationSnapshot {
  return annotationSnapshotSchema.parse(raw);
}
