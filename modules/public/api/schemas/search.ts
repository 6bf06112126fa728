import { z } from "zod";
import { cursorParam } from "@/lib/api/cursor";
import { text } from "@/lib/validation";
import { jurisdictionCode } from "@/modules/public/law-index-url";
import { searchCap, searchPageSize } from "@/modules/public/search";
import { searchTypes } from "@/modules/public/search-url";
import { pageSchema } from "./common";
import { apiSchemas } from "./registry";

/** The furthest page a search goes: it ranks at most searchCap matches. */
const lastPage = Math.ceil(searchCap / searchPageSize);

/** GET /api/v1/search: the /search page's words and filters; its pages go on by cursor. */
export const searchApiQuery = z.object({
  q: text()
    // Runs of spaces are one space, which finds the same (as on /search).
    .transform((q) => q.trim().replace(/\s+/g, " "))
    .pipe(z.string().min(1, "Give the words to search for").max(200, "Use at most 200 characters"))
    .meta({ description: "The words to search for, in any script: names, titles, text." }),
  type: z.enum(searchTypes).optional().meta({ description: "Only items of this type." }),
  jurisdiction: jurisdictionCode
    .optional()
    .meta({ description: "A jurisdiction code, e.g. KG: only items of or about it." }),
  cursor: cursorParam(z.object({ page: z.int().min(2).max(lastPage) }))
    .optional()
    .meta({ description: "Where to go on: take it from a page's `next` address." }),
});
export type SearchApiQuery = z.output<typeof searchApiQuery>;

export const highlightedSchema = z.array(z.object({ text: z.string(), match: z.boolean() })).register(apiSchemas, {
  id: "Highlighted",
  description: "A text in parts, those the search's words matched marked `match`: join the parts for the text.",
});

export const searchHitSchema = z
  .object({
    type: z.enum(searchTypes),
    kind: z.string().describe("Its kind within its type: a law's type, an article's or an agent's kind."),
    title: highlightedSchema,
    alsoKnownAs: highlightedSchema.nullable().describe("The other name or title the words found, if not the main one."),
    snippet: highlightedSchema.describe("Where the words fall in its text."),
    jurisdictions: z.array(z.string()).describe("The codes of the jurisdictions it is of or about."),
    url: z.url().describe("Its page on the site (an annotation's: the page it annotates, at it)."),
    api: z.url().describe("Its full record in this API."),
    foundIn: z
      .object({
        name: z.string(),
        kind: z.string().describe('What the file is: "PDF", "Word document (DOCX)"…'),
        mediaType: z.string(),
        page: z.int().nullable().describe("The page of a PDF the words are on; null for files without pages."),
        url: z.url().describe("The file, opened at that page."),
      })
      .nullable()
      .describe("When the words were found only in one of its documents: which, and where."),
  })
  .register(apiSchemas, { id: "SearchHit", description: "A published item the search found." });

const facet = z.object({
  value: z.string(),
  count: z.int(),
  atLeast: z.boolean().describe("True when the matches passed the cap: the count is of the first ones."),
});

export const searchResultsSchema = pageSchema(searchHitSchema)
  .extend({
    query: z.string().describe("The words as searched."),
    correctedTo: z.string().nullable().describe("When nothing matched as typed: the words searched instead."),
    total: z.int().describe(`How many items match, at most ${searchCap}.`),
    capped: z.boolean().describe(`Whether more than ${searchCap} match.`),
    figures: z
      .array(
        z.object({
          label: highlightedSchema,
          value: z.string().describe("The preferred account's value, as printed for reading: 311,000."),
          unit: z.string(),
          asOf: z.string().nullable(),
          disputed: z.boolean(),
          note: highlightedSchema,
          jurisdiction: z.string().nullable(),
          url: z.url(),
          api: z.url(),
        }),
      )
      .describe("Approved figures the words find, on the first page when no type is chosen; not counted in total."),
    facets: z.object({
      type: z.array(facet).describe("How many matches of each type, under the jurisdiction chosen."),
      jurisdiction: z
        .array(facet.extend({ label: z.string() }))
        .describe("How many matches of or about each jurisdiction, under the type chosen."),
    }),
  })
  .register(apiSchemas, {
    id: "SearchResults",
    description: `A page of the published items that match, best first, ${searchPageSize} a page.`,
  });

export type SearchResults = z.output<typeof searchResultsSchema>;
