import { z } from "zod";
import { agentKinds, articleKinds, lawEventKinds } from "@/db/schema/vocabulary";
import { listParams, pageSchema, partialDateSchema, timestampSchema } from "./common";
import { apiSchemas } from "./registry";

/** GET /api/v1/agents: by kind, plus what a harvester needs. */
export const agentListQuery = z.object({
  kind: z.enum(agentKinds).optional(),
  ...listParams("agents"),
});
export type AgentListQuery = z.output<typeof agentListQuery>;

export const agentSummarySchema = z
  .object({
    slug: z.string(),
    kind: z.enum(agentKinds),
    name: z.string().describe("Its published name."),
    publishedAt: timestampSchema.describe("When its current version was published."),
    url: z.url().describe("Its page on the site."),
    api: z.url().describe("Its full record in this API."),
  })
  .register(apiSchemas, {
    id: "AgentSummary",
    description: "A published agent (a person, a body, an outlet) as the list gives it.",
  });

export const agentListSchema = pageSchema(agentSummarySchema).register(apiSchemas, {
  id: "AgentList",
  description: "Published agents, by publication time, oldest first.",
});

export const agentSchema = agentSummarySchema
  .extend({
    otherNames: z.array(z.object({ name: z.string(), lang: z.string() })),
    description: z.string(),
    links: z.array(z.object({ label: z.string(), url: z.string() })),
    acts: z
      .array(
        z.object({
          kind: z.enum(lawEventKinds),
          date: partialDateSchema.nullable(),
          note: z.string(),
          law: z.object({ title: z.string(), jurisdiction: z.string(), url: z.url(), api: z.url() }),
        }),
      )
      .describe("The latest steps of published laws' histories it took, as its page lists them, oldest first."),
    actCount: z.int().describe("How many such steps there are in all."),
    lawCount: z.int().describe("How many published laws it took a step of."),
    articles: z
      .array(
        z.object({
          kind: z.enum(articleKinds),
          title: z.string(),
          roles: z.array(z.enum(["author", "publisher", "credited"])),
          url: z.url(),
          api: z.url(),
        }),
      )
      .describe("The latest published articles it wrote, published or is credited on, as its page lists them."),
    articleCount: z.int(),
    articlesApi: z.url().describe("All its articles, from the articles list."),
  })
  .register(apiSchemas, { id: "Agent", description: "A published agent, as its public page shows it." });

export type AgentList = z.output<typeof agentListSchema>;
export type Agent = z.output<typeof agentSchema>;
