import { z } from "zod";
import { jurisdictionCode } from "@/modules/public/law-index-url";
import { listParams, pageSchema, partialDateSchema, timestampSchema } from "./common";
import { apiSchemas } from "./registry";

/** GET /api/v1/figures: by jurisdiction, plus what a harvester needs. */
export const figureListQuery = z.object({
  jurisdiction: jurisdictionCode
    .optional()
    .meta({ description: "A jurisdiction code, e.g. KG: the figures its page shows." }),
  ...listParams("figures"),
});
export type FigureListQuery = z.output<typeof figureListQuery>;

/** A figure as the pages that show it show it: its sources' accounts, the preferred one first. */
export const figureSummarySchema = z
  .object({
    id: z.int(),
    label: z.string(),
    unit: z.string(),
    note: z.string(),
    disputed: z.boolean().describe("Whether its accounts differ in value or in date."),
    accounts: z.array(
      z.object({
        value: z.string().describe("The number as a plain decimal: 2400000."),
        wording: z.string().describe("The number as the source prints it: 2.4 million."),
        asOf: partialDateSchema.nullable(),
        source: z
          .object({ title: z.string(), url: z.string().nullable() })
          .nullable()
          .describe("The source as it stood when the figure was approved."),
        preferred: z.boolean(),
      }),
    ),
    url: z.url().describe("Where the site shows it: its jurisdiction's page, else a published law's."),
    api: z.url().describe("Its full record in this API."),
  })
  .register(apiSchemas, { id: "FigureSummary", description: "An approved figure, as the pages show it." });

export const figureSchema = figureSummarySchema
  .extend({
    approvedAt: timestampSchema.describe("When its current version was approved for readers."),
    jurisdiction: z.object({ code: z.string(), name: z.string(), url: z.url(), api: z.url() }).nullable(),
    laws: z
      .array(z.object({ title: z.string(), url: z.url(), api: z.url() }))
      .describe("The published laws it concerns, whose pages show it too."),
  })
  .register(apiSchemas, {
    id: "Figure",
    description: "An approved figure, with the jurisdiction and the published laws whose pages show it.",
  });

export const figureListSchema = pageSchema(figureSchema).register(apiSchemas, {
  id: "FigureList",
  description: "Approved figures some public page shows, by approval time, oldest first.",
});

export type FigureSummary = z.output<typeof figureSummarySchema>;
export type Figure = z.output<typeof figureSchema>;
export type FigureList = z.output<typeof figureListSchema>;
