import { z } from "zod";
import { listParams, problemSchema } from "./common";
import { apiSchemas } from "./registry";

/*
 * The annotations API's answers follow the W3C Web Annotation model (modules/public/web-annotation.ts),
 * whose vocabulary documents them; here only what identifies them, and their errors: the read
 * API's Problem, with the one field they had before it (`error`) kept for the clients that read it.
 */

export const webAnnotationSchema = z
  .looseObject({ "@context": z.string(), id: z.url(), type: z.literal("Annotation") })
  .register(apiSchemas, {
    id: "WebAnnotation",
    description: "A published public annotation: https://www.w3.org/TR/annotation-model/",
  });

export const annotationCollectionSchema = z
  .looseObject({ "@context": z.string(), id: z.url(), type: z.literal("AnnotationCollection"), total: z.int() })
  .register(apiSchemas, {
    id: "AnnotationCollection",
    description:
      "The published public annotations on a page: https://www.w3.org/TR/annotation-model/#annotation-collection",
  });

export const annotationPageSchema = z
  .looseObject({
    "@context": z.string(),
    id: z.url(),
    type: z.literal("AnnotationPage"),
    items: z.array(z.looseObject({ id: z.url(), type: z.literal("Annotation") })),
    next: z.url().optional().describe("The next page's address; absent on the last page."),
  })
  .register(apiSchemas, {
    id: "AnnotationPage",
    description:
      "A page of every published public annotation, by publication time then id, oldest first: https://www.w3.org/TR/annotation-model/#annotation-page",
  });

/** The walk through every published annotation (no `target`): the parameters of every list. */
export const annotationListQuery = z.object(listParams("annotations"));
export type AnnotationListQuery = z.output<typeof annotationListQuery>;

export const annotationErrorSchema = problemSchema.extend({ error: z.string() }).register(apiSchemas, {
  id: "AnnotationError",
  description:
    "An error of the annotations API: its status and message as every error of the API, and `error`, the message again, as this API answered before the others came.",
});
