import { z } from "zod";
import { webAnnotationType } from "@/modules/public/web-annotation";
import { agentListQuery } from "./schemas/agent";
import { articleListQuery } from "./schemas/article";
import { figureListQuery } from "./schemas/figure";
import { lawListQuery } from "./schemas/law";
import { searchApiQuery } from "./schemas/search";
import { sourceListQuery } from "./schemas/source";
import { annotationListQuery } from "./schemas/annotation";
import { apiSchemas } from "./schemas/registry";
// Each schema module registers its schemas in apiSchemas as it loads.
import "./schemas/common";
import "./schemas/jurisdiction";
import "./schemas/topic";

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
      "/laws": listPath("listLaws", "Published laws, by publication time, oldest first", lawListQuery, "LawList"),
      "/laws/{jurisdiction}/{slug}": itemPath(
        "getLaw",
        "One published law, with its timeline, relations, identifiers, versions and texts",
        [
          pathParameter("jurisdiction", "Its jurisdiction's code, as in its page's address: kg"),
          pathParameter("slug", "Its slug, as in its page's address"),
        ],
        "Law",
        "law",
      ),
      "/articles": listPath(
        "listArticles",
        "Published articles, by publication time, oldest first",
        articleListQuery,
        "ArticleList",
      ),
      "/articles/{slug}": itemPath(
        "getArticle",
        "One published article, with its body, byline, topics, jurisdictions, the laws it discusses and its sources",
        [pathParameter("slug", "Its slug, as in its page's address")],
        "Article",
        "article",
      ),
      "/agents": listPath(
        "listAgents",
        "Published agents (people, bodies, outlets), by publication time, oldest first",
        agentListQuery,
        "AgentList",
      ),
      "/agents/{slug}": itemPath(
        "getAgent",
        "One published agent, with its names, links, the steps of laws it took and the articles it wrote",
        [pathParameter("slug", "Its slug, as in its page's address")],
        "Agent",
        "agent",
      ),
      "/topics": wholeList(
        "listTopics",
        "The topics published laws or articles are about, by name, in one page",
        "TopicList",
      ),
      "/topics/{slug}": entryPath(
        "getTopic",
        "One topic, with its broader and narrower topics and its latest published laws and articles",
        [pathParameter("slug", "Its slug, as in its page's address")],
        "Topic",
        "No topic has this address",
      ),
      "/jurisdictions": wholeList(
        "listJurisdictions",
        "The jurisdictions with a published law, by name, in one page",
        "JurisdictionList",
      ),
      "/jurisdictions/{code}": entryPath(
        "getJurisdiction",
        "One jurisdiction, with its succession, its latest published laws, their topics, the latest articles about it and its figures",
        [pathParameter("code", "Its code, as in its page's address: kg")],
        "Jurisdiction",
        "No jurisdiction has this code",
      ),
      "/figures": listPath(
        "listFigures",
        "The approved figures public pages show, by approval time, oldest first",
        figureListQuery,
        "FigureList",
      ),
      "/figures/{id}": entryPath(
        "getFigure",
        "One figure readers see, with its sources' accounts, its jurisdiction and the published laws it concerns",
        [
          pathParameter("id", "Its number, as in its anchor on a page (#figure-<id>)", {
            type: "string",
            pattern: "^[0-9]+$",
          }),
        ],
        "Figure",
        "No figure readers can see has this id",
      ),
      "/sources": listPath(
        "listSources",
        "The sources published items cite, as the latest citation recorded them, by the time of that citation, oldest first",
        sourceListQuery,
        "SourceList",
      ),
      "/sources/{id}": entryPath(
        "getSource",
        "One source published items cite, with the published laws and articles and the approved figures that cite it",
        [
          pathParameter("id", "Its number, from a list or a source's api address", {
            type: "string",
            pattern: "^[0-9]+$",
          }),
        ],
        "Source",
        "No source a published item cites has this id",
      ),
      "/search": listPath(
        "search",
        "The published items that match some words, best first, as the search page finds them, with approved figures and counts by type and jurisdiction",
        searchApiQuery,
        "SearchResults",
      ),
      "/annotations": {
        get: {
          operationId: "listAnnotations",
          summary:
            "The published public annotations on a law's or an article's page; without `target`, every published annotation, a page at a time",
          parameters: [
            {
              name: "target",
              in: "query",
              required: false,
              description:
                "The page's address, /laws/kg/its-slug or a full URL; a law's ?text=<id> narrows to one text. With it, no other parameter is read.",
              schema: { type: "string", maxLength: 2000 },
            },
            ...queryParameters(annotationListQuery),
          ],
          responses: {
            200: {
              description: "With `target`, a W3C AnnotationCollection; without, a W3C AnnotationPage",
              headers: { ETag: etagHeader },
              content: {
                [webAnnotationType]: { schema: { oneOf: [ref("AnnotationCollection"), ref("AnnotationPage")] } },
              },
            },
            304: notModified,
            400: annotationError("An empty target, or a bad list parameter, named"),
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

/** A list: a page of `schema`, its query's parameters, and a 400 naming a bad one. */
function listPath(operationId: string, summary: string, query: z.ZodObject, schema: string) {
  const responses = { 200: json(schema, "A page"), 304: notModified, 400: problem("A bad parameter, named") };
  return { get: { operationId, summary, parameters: queryParameters(query), responses } };
}

/** A list small enough for one page, which takes no parameter. */
function wholeList(operationId: string, summary: string, schema: string) {
  const responses = {
    200: json(schema, "The list"),
    304: notModified,
    400: problem("A query parameter (this endpoint takes none)"),
  };
  return { get: { operationId, summary, parameters: [], responses } };
}

/** One entry of a vocabulary or of reference data: never moved nor withdrawn, only there or not. */
function entryPath(operationId: string, summary: string, parameters: object[], schema: string, missing: string) {
  const responses = {
    200: json(schema, "The entry"),
    304: notModified,
    400: problem("A query parameter (this endpoint takes none)"),
    404: problem(missing),
  };
  return { get: { operationId, summary, parameters, responses } };
}

/** One item at its address, which may have moved (308) or been withdrawn (410). */
function itemPath(operationId: string, summary: string, parameters: object[], schema: string, noun: string) {
  const responses = {
    200: json(schema, `The ${noun}`),
    308: { ...problem("It has moved: Location names its address now"), headers: { Location: locationHeader } },
    304: notModified,
    400: problem("A query parameter (this endpoint takes none)"),
    404: problem(`No published ${noun} has this address`),
    410: problem(`The ${noun} was withdrawn`),
  };
  return { get: { operationId, summary, parameters, responses } };
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
  const { properties = {}, required = [] } = z.toJSONSchema(query, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, { description?: string }>;
    required?: string[];
  };
  return Object.entries(properties).map(([name, { description, ...schema }]) => ({
    name,
    in: "query",
    required: required.includes(name),
    ...(description && { description }),
    schema,
  }));
}
