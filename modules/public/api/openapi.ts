import { z } from "zod";
import { webAnnotationType } from "@/modules/public/web-annotation";
import { lawListQuery } from "./schemas/law";
import { apiSchemas } from "./schemas/registry";
// Each schema module registers its schemas in apiSchemas as it loads.
import "./schemas/annotation";
import "./schemas/common";

/**
 * The read API's OpenAPI 3.1 document, generated from the zod schemas that shape its answers
 * (modules/public/api/schemas): the document cannot drift from what the handlers send.
 */
export function openApiDocument(origin: string) {
  const generated = z.toJSONSchema(apiSchemas, {
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
  });
  // Components are parts of this document, which names the dialect once: no $schema or $id of their own.
  const schemas = Object.fromEntries(
    Object.entries(generated.schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema]),
  );
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Marginalia read API",
      version: "1",
      description:
        "Published content only, read-only, open to any origin (CORS). Every answer carries an ETag (send it back in If-None-Match for a 304) and Cache-Control. Lists go on through the `next` address each page gives.",
    },
    servers: [{ url: `${origin}/api/v1` }],
    paths: {
      "/laws": {
        get: {
          operationId: "listLaws",
          summary: "Published laws, by publication time, oldest first",
          parameters: queryParameters(lawListQuery),
          responses: {
            200: json("LawList", "A page of laws"),
            304: notModified,
            400: problem("A bad parameter, named"),
          },
        },
      },
      "/laws/{jurisdiction}/{slug}": {
        get: {
          operationId: "getLaw",
          summary: "One published law, with its timeline, relations, identifiers, versions and texts",
          parameters: [
            pathParameter("jurisdiction", "Its jurisdiction's code, as in its page's address: kg"),
            pathParameter("slug", "Its slug, as in its page's address"),
          ],
          responses: {
            200: json("Law", "The law"),
            308: { ...problem("It has moved: Location names its address now"), headers: { Location: locationHeader } },
            304: notModified,
            400: problem("A query parameter (this endpoint takes none)"),
            404: problem("No published law has this address"),
            410: problem("The law was withdrawn"),
          },
        },
      },
      "/annotations": {
        get: {
          operationId: "listAnnotations",
          summary: "The published public annotations on a law's or an article's page",
          parameters: [
            {
              name: "target",
              in: "query",
              required: true,
              description:
                "The page's address, /laws/kg/its-slug or a full URL; a law's ?text=<id> narrows to one text.",
              schema: { type: "string", maxLength: 2000 },
            },
          ],
          responses: {
            200: annotation("AnnotationCollection", "A W3C AnnotationCollection"),
            304: notModified,
            400: annotationError("No target named"),
            404: annotationError("Nothing is published at the target"),
          },
        },
      },
      "/annotations/{id}": {
        get: {
          operationId: "getAnnotation",
          summary: "One published public annotation",
          parameters: [pathParameter("id", "The annotation's number", { type: "string", pattern: "^[0-9]+$" })],
          responses: {
            200: annotation("WebAnnotation", "A W3C Web Annotation"),
            304: notModified,
            404: annotationError("No published annotation has this id"),
          },
        },
      },
    },
    components: { schemas },
  };
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const etagHeader = { description: "The answer's version: send it in If-None-Match.", schema: { type: "string" } };
const locationHeader = { description: "Where it is now.", schema: { type: "string", format: "uri" } };
const json = (id: string, description: string) => ({
  description,
  headers: { ETag: etagHeader },
  content: { "application/json": { schema: ref(id) } },
});
const problem = (description: string) => ({ description, content: { "application/json": { schema: ref("Problem") } } });
const annotation = (id: string, description: string) => ({
  description,
  headers: { ETag: etagHeader },
  content: { [webAnnotationType]: { schema: ref(id) } },
});
const annotationError = (description: string) => ({
  description,
  content: { "application/json": { schema: ref("AnnotationError") } },
});
const notModified = { description: "Not modified: the If-None-Match ETag is still current." };

function pathParameter(name: string, description: string, schema: object = { type: "string" }) {
  return { name, in: "path", required: true, description, schema };
}

/** A query schema's fields as OpenAPI parameters, typed as the client writes them. */
function queryParameters(query: z.ZodObject) {
  const { properties = {} } = z.toJSONSchema(query, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, { description?: string }>;
  };
  return Object.entries(properties).map(([name, { description, ...schema }]) => ({
    name,
    in: "query",
    required: false,
    ...(description && { description }),
    schema,
  }));
}
