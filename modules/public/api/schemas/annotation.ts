import { z } from "zod";
import { apiSchemas } from "./registry";

/*
 * The annotations API's answers follow the W3C Web Annotation model (modules/public/web-annotation.ts),
 * whose vocabulary documents them; here only what identifies them, and their own error shape,
 * which predates the read API's Problem and stays as clients know it.
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

export const annotationErrorSchema = z
  .object({ error: z.string() })
  .register(apiSchemas, { id: "AnnotationError", description: "An error of the annotations API." });
