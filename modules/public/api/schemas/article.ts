import { z } from "zod";
import { articleKinds } from "@/db/schema/vocabulary";
import { jurisdictionCode, slugParam } from "@/modules/public/law-index-url";
import { listParams, pageSchema, partialDateSchema, timestampSchema } from "./common";
import { documentSchema } from "./document";
import { apiSchemas } from "./registry";

/** GET /api/v1/articles: the public /articles filters, plus what a harvester needs. */
export const articleListQuery = z.object({
  kind: z.enum(articleKinds).optional(),
  topic: slugParam
    .optional()
    .meta({ description: "A topic's slug: articles tagged with it or discussing a published law that is." }),
  jurisdiction: jurisdictionCode
    .optional()
    .meta({ description: "A jurisdiction code, e.g. KG: articles tagged with it or discussing a law of it." }),
  agent: slugParam
    .optional()
    .meta({ description: "A published agent's slug: articles it wrote, published or is credited with." }),
  ...listParams("articles"),
});
export type ArticleListQuery = z.output<typeof articleListQuery>;

/** A published agent an article names, under its published name. */
const credit = z.object({ name: z.string(), url: z.url().describe("The agent's page.") });

export const articleSummarySchema = z
  .object({
    slug: z.string(),
    kind: z.enum(articleKinds),
    title: z.string(),
    lang: z.string(),
    originalDate: partialDateSchema.nullable().describe("When the piece first appeared, as far as it is known."),
    authors: z.array(credit).describe("In byline order; published agents only."),
    publisher: credit.nullable(),
    creditedAgent: credit.nullable().describe("The agency a report credits."),
    publishedAt: timestampSchema.describe("When its current version was published."),
    url: z.url().describe("Its page on the site."),
    api: z.url().describe("Its full record in this API."),
  })
  .register(apiSchemas, { id: "ArticleSummary", description: "A published article as the list gives it." });

export const articleListSchema = pageSchema(articleSummarySchema).register(apiSchemas, {
  id: "ArticleList",
  description: "Published articles, by publication time, oldest first.",
});

export const articleSchema = articleSummarySchema
  .extend({
    body: z.string().describe("Markdown."),
    originalUrl: z.string().describe("Where the piece first appeared, or empty."),
    topics: z.array(z.object({ slug: z.string(), name: z.string() })),
    jurisdictions: z.array(z.object({ code: z.string(), name: z.string() })),
    laws: z
      .array(z.object({ title: z.string(), url: z.url(), api: z.url() }))
      .describe("The published laws it discusses, in the order its editors listed them."),
    sources: z.array(z.object({ title: z.string() })),
    documents: z.array(documentSchema).describe("The files attached to it."),
  })
  .register(apiSchemas, { id: "Article", description: "A published article, as its public page shows it." });

export type ArticleList = z.output<typeof articleListSchema>;
export type Article = z.output<typeof articleSchema>;
