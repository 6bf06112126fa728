import { z } from "zod";
import { annotationAudiences, annotationKinds } from "@/db/schema/vocabulary";
import { isRecordId, recordId, text } from "@/lib/validation";

export const annotatableTypes = ["law", "article"] as const;
export type AnnotatableType = (typeof annotatableTypes)[number];

/** Laws, articles and agents as a whole, or another annotation's passage (of an article discussing a law). */
export const linkableTypes = ["law", "article", "agent", "annotation"] as const;
export type LinkRef = { type: (typeof linkableTypes)[number]; id: number };

/** "law:12": a picker's value names the type and the id of what it links to. */
const linkRef = text()
  .trim()
  .regex(/^(law|article|agent|annotation):[1-9]\d{0,9}$/, "Choose from the list.")
  .transform((value): LinkRef => {
    const [type, id] = value.split(":");
    return { type: type as LinkRef["type"], id: Number(id) };
  })
  .refine((ref) => isRecordId(ref.id), "Choose from the list.");

const refList = z
  .array(linkRef)
  .max(50, "Keep it to 50.")
  .default([])
  .transform((refs) => refs.filter((r, i) => refs.findIndex((o) => o.type === r.type && o.id === r.id) === i));

const idList = z
  .array(recordId)
  .max(50, "Keep it to 50.")
  .default([])
  .transform((ids) => [...new Set(ids)]);

/** What an editor writes about a passage. */
export const annotationFields = z.object({
  kind: z.enum(annotationKinds, { message: "Choose what kind of annotation this is." }),
  audience: z.enum(annotationAudiences, { message: "Choose who may read it." }),
  body: text({ message: "Write the annotation." })
    .trim()
    .min(1, "Write the annotation.")
    .max(20_000, "Use at most 20,000 characters."),
  links: refList,
  sourceIds: idList,
});

/**
 * A passage as the browser selected it: its quote and context, and its place in code points, in
 * the text of the target revision the editor was looking at. The server finds it again in that
 * text before it stores anything (modules/annotations/passage.ts).
 */
export const passageInput = z.object({
  targetRevision: recordId,
  exact: text({ message: "Select a passage of the text first." })
    .min(1, "Select a passage of the text first.")
    .max(10_000, "Select at most 10,000 characters."),
  prefix: text().max(400).default(""),
  suffix: text().max(400).default(""),
  start: z.coerce.number().int().min(0).max(100_000_000),
  end: z.coerce.number().int().min(1).max(100_000_000),
});

export const newAnnotationInput = annotationFields.extend({
  targetType: z.enum(annotatableTypes, { message: "Annotate a law text or an article." }),
  targetId: recordId,
  // A law's text version; an article has one body.
  textId: z.preprocess((v) => (v === "" || v === null ? undefined : v), recordId.optional()),
  passage: passageInput,
});

/**
 * An edit; a passage given moves the annotation onto it (re-attaching an orphan). A law's note may
 * move to another text version of the same law with `textId` (a newer version it was carried to).
 */
export const annotationUpdateInput = annotationFields
  .extend({
    textId: z.preprocess((v) => (v === "" || v === null ? undefined : v), recordId.optional()),
    passage: passageInput.optional(),
  })
  .refine((values) => values.textId === undefined || values.passage !== undefined, {
    message: "Select the passage on that text version to move the annotation there.",
    path: ["passage"],
  });

export type AnnotationValues = z.output<typeof annotationFields>;
export type PassageValues = z.output<typeof passageInput>;
