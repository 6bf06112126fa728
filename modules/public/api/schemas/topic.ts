import { z } from "zod";
import { articleKinds, lawEventKinds, lawStatuses, lawTypes } from "@/db/schema/vocabulary";
import { pageSchema, partialDateSchema } from "./common";
import { apiSchemas } from "./registry";

const linked = z.object({ slug: z.string(), name: z.string(), url: z.url(), api: z.url() });

export const topicSummarySchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    laws: z.int().describe("How many published laws it covers."),
    articles: z.int().describe("How many published articles are about it, or discuss a law it covers."),
    url: z.url().describe("Its page on the site."),
    api: z.url().describe("Its full record in this API."),
  })
  .register(apiSchemas, { id: "TopicSummary", description: "A topic as the list gives it." });

export const topicListSchema = pageSchema(topicSummarySchema).register(apiSchemas, {
  id: "TopicList",
  description: "The topics published laws or articles are about, by name, in one page.",
});

export const topicSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    url: z.url(),
    api: z.url(),
    broader: linked.nullable(),
    narrower: z.array(linked),
    laws: z
      .array(
        z.object({
          title: z.string(),
          jurisdiction: z.object({ code: z.string(), name: z.string() }),
          type: z.enum(lawTypes),
          status: z.enum(lawStatuses),
          milestone: z.object({ kind: z.enum(lawEventKinds), date: partialDateSchema }).nullable(),
          url: z.url(),
          api: z.url(),
        }),
      )
      .describe("Its latest published laws in the order of their history, as its page lists them."),
    lawCount: z.int(),
    lawsApi: z.url().describe("All its laws, from the laws list."),
    articles: z
      .array(z.object({ kind: z.enum(articleKinds), title: z.string(), url: z.url(), api: z.url() }))
      .describe("Its latest published articles, as its page lists them."),
    articleCount: z.int(),
    articlesApi: z.url().describe("All its articles, from the articles list."),
  })
  .register(apiSchemas, { id: "Topic", description: "A topic, as its public page shows it." });

export type TopicList = z.output<typeof topicListSchema>;
export type Topic = z.output<typeof topicSchema>;
