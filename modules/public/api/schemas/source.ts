import { z } from "zod";
import { listParams, pageSchema, timestampSchema } from "./common";
import { apiSchemas } from "./registry";

/** GET /api/v1/sources: sources have no facets on the site; what a harvester needs. */
export const sourceListQuery = z.object({
  ...listParams("sources"),
  updated_since: timestampSchema.optional().meta({
    description: "Only sources cited by an item published (or a figure approved) at or after this ISO 8601 date-time.",
  }),
});
export type SourceListQuery = z.output<typeof sourceListQuery>;

export const sourceSummarySchema = z
  .object({
    id: z.int(),
    title: z.string(),
    url: z.string().nullable().describe("Its address, as a published law's sources or an approved figure recorded it."),
    archivedUrl: z
      .string()
      .nullable()
      .describe("An archived copy's address, as a published law's sources recorded it."),
    citedAt: timestampSchema.describe("When the latest item citing it was published, or figure approved."),
    api: z.url().describe("Its full record in this API."),
  })
  .register(apiSchemas, {
    id: "SourceSummary",
    description: "A source published items cite, as the latest citation recorded it.",
  });

export const sourceListSchema = pageSchema(sourceSummarySchema).register(apiSchemas, {
  id: "SourceList",
  description: "The sources published items cite, by the time of their latest citation, oldest first.",
});

const citing = z.object({ title: z.string(), url: z.url(), api: z.url() });

export const sourceSchema = sourceSummarySchema
  .extend({
    citedBy: z.object({
      laws: z.array(citing).describe("Published laws that list it, or date a step, a period or a text by it."),
      articles: z.array(citing).describe("Published articles that list it."),
      figures: z.array(z.object({ label: z.string(), api: z.url() })).describe("Approved figures it gives a value of."),
    }),
  })
  .register(apiSchemas, { id: "Source", description: "A source published items cite, with what cites it." });

export type SourceList = z.output<typeof sourceListSchema>;
export type Source = z.output<typeof sourceSchema>;
