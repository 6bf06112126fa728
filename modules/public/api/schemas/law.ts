import { z } from "zod";
import { lawEventKinds, lawStatuses, lawTypes } from "@/db/schema/vocabulary";
import { jurisdictionCode, lawYear, slugParam } from "@/modules/public/law-index-url";
import { listParams, pageSchema, partialDateSchema, timestampSchema } from "./common";
import { documentSchema } from "./document";
import { apiSchemas } from "./registry";

/** GET /api/v1/laws: the public /laws facets, plus what a harvester needs. */
export const lawListQuery = z.object({
  jurisdiction: jurisdictionCode.optional().meta({ description: "A jurisdiction code, e.g. KG." }),
  status: z.enum(lawStatuses).optional(),
  type: z.enum(lawTypes).optional(),
  year: lawYear.optional().meta({ description: "The year it was adopted (else signed, else first dated)." }),
  topic: slugParam.optional().meta({ description: "A topic's slug." }),
  ...listParams("laws"),
});
export type LawListQuery = z.output<typeof lawListQuery>;

const jurisdiction = z.object({ code: z.string(), name: z.string() });

export const lawSummarySchema = z
  .object({
    jurisdiction,
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    type: z.enum(lawTypes),
    status: z.enum(lawStatuses),
    year: z.int().nullable(),
    publishedAt: timestampSchema.describe("When its current version was published."),
    url: z.url().describe("Its page on the site."),
    api: z.url().describe("Its full record in this API."),
  })
  .register(apiSchemas, { id: "LawSummary", description: "A published law as the list gives it." });

export const lawListSchema = pageSchema(lawSummarySchema).register(apiSchemas, {
  id: "LawList",
  description: "Published laws, by publication time, oldest first.",
});

const account = {
  sourceTitle: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  preferred: z.boolean(),
  note: z.string(),
};

export const lawSchema = lawSummarySchema
  .extend({
    titles: z.array(z.object({ lang: z.string(), title: z.string(), preferred: z.boolean() })),
    identifiers: z.array(z.object({ registry: z.string(), value: z.string() })),
    topics: z.array(z.object({ slug: z.string(), name: z.string() })),
    sources: z.array(z.object({ title: z.string(), url: z.string(), archivedUrl: z.string() })),
    timeline: z
      .array(
        z.object({
          kind: z.enum(lawEventKinds),
          date: partialDateSchema.nullable(),
          disputed: z.boolean().describe("Whether its sources date it differently."),
          agent: z.object({ name: z.string(), url: z.url() }).nullable(),
          note: z.string(),
          accounts: z.array(z.object({ date: partialDateSchema.nullable(), ...account })),
        }),
      )
      .describe("Its history in order: each step with the dates its sources give."),
    periods: z
      .array(
        z.object({
          start: partialDateSchema,
          end: partialDateSchema,
          disputed: z.boolean(),
          note: z.string(),
          accounts: z.array(z.object({ start: partialDateSchema, end: partialDateSchema, ...account })),
        }),
      )
      .describe("The periods it covers (for a rehabilitation law, the repression it addresses)."),
    related: z.array(z.object({ label: z.string(), note: z.string(), title: z.string(), url: z.url() })),
    texts: z.array(
      z.object({
        id: z.int().describe("Names the text to the annotations API (?target=…&text=)."),
        lang: z.string(),
        official: z.boolean(),
        effectiveDate: partialDateSchema.nullable(),
        sourceTitle: z.string().nullable(),
        body: z.string().describe("Markdown."),
      }),
    ),
    versions: z
      .array(z.object({ number: z.int(), publishedAt: timestampSchema }))
      .describe("Its published versions, newest first; the first is this one."),
    documents: z
      .array(documentSchema)
      .describe("The files attached to it or its texts: the official publication, scans, translations."),
  })
  .register(apiSchemas, { id: "Law", description: "A published law, as its public page shows it." });

export type LawList = z.output<typeof lawListSchema>;
export type Law = z.output<typeof lawSchema>;
