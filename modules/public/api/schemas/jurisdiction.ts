import { z } from "zod";
import { articleKinds, jurisdictionKinds, lawEventKinds, lawStatuses, lawTypes } from "@/db/schema/vocabulary";
import { pageSchema, partialDateSchema } from "./common";
import { figureSummarySchema } from "./figure";
import { apiSchemas } from "./registry";

const linked = z.object({ code: z.string(), name: z.string(), url: z.url(), api: z.url() });

export const jurisdictionSummarySchema = z
  .object({
    code: z.string().describe("Its code, upper case: KG. Addresses write it in lower case."),
    name: z.string(),
    kind: z.enum(jurisdictionKinds),
    startYear: z.int().nullable(),
    endYear: z.int().nullable(),
    laws: z.int().describe("How many published laws it has."),
    url: z.url().describe("Its page on the site."),
    api: z.url().describe("Its full record in this API."),
  })
  .register(apiSchemas, { id: "JurisdictionSummary", description: "A jurisdiction as the list gives it." });

export const jurisdictionListSchema = pageSchema(jurisdictionSummarySchema).register(apiSchemas, {
  id: "JurisdictionList",
  description: "The jurisdictions with a published law, by name, in one page.",
});

export const jurisdictionSchema = jurisdictionSummarySchema
  .omit({ laws: true })
  .extend({
    otherNames: z.array(z.object({ name: z.string(), lang: z.string() })),
    successor: linked.nullable().describe("The polity that took its place."),
    predecessors: z.array(linked).describe("The polities whose place it took."),
    laws: z
      .array(
        z.object({
          title: z.string(),
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
    topics: z
      .array(z.object({ slug: z.string(), name: z.string(), laws: z.int(), url: z.url(), api: z.url() }))
      .describe("The topics its published laws cover, with how many of them cover each."),
    articles: z
      .array(z.object({ kind: z.enum(articleKinds), title: z.string(), url: z.url(), api: z.url() }))
      .describe("The latest published articles about it or its laws, as its page lists them."),
    articleCount: z.int(),
    articlesApi: z.url().describe("All its articles, from the articles list."),
    figures: z.array(figureSummarySchema).describe("The approved figures its page shows."),
  })
  .register(apiSchemas, { id: "Jurisdiction", description: "A jurisdiction, as its public page shows it." });

export type JurisdictionList = z.output<typeof jurisdictionListSchema>;
export type Jurisdiction = z.output<typeof jurisdictionSchema>;
