import { z } from "zod";
import { articleKinds } from "@/db/schema/vocabulary";
import { sortDirections } from "@/lib/list-query";
import { partialDateField } from "@/lib/partial-date";
import { langCode, recordId as id, text } from "@/lib/validation";

const optionalId = z
  .union([z.literal(""), id])
  .nullish()
  .transform((v) => (v === "" || v === undefined || v === null ? null : v));
/** An ordered list of ids without repeats: the first occurrence keeps its place. */
const idList = z
  .array(id)
  .max(200, "Keep it to 200.")
  .default([])
  .transform((ids) => [...new Set(ids)]);

/** An edited address: empty keeps the current one. */
export const slugInput = text()
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens.")
  .max(80, "Use at most 80 characters.")
  .optional()
  .or(z.literal("").transform(() => undefined));

/** Only web addresses: a javascript: or data: link must never reach a reader's page. */
const webAddress = text()
  .trim()
  .max(2000, "Use at most 2,000 characters.")
  .pipe(
    z.union([
      z.literal(""),
      z.url({ protocol: /^https?$/, hostname: z.regexes.domain, message: "Use a web address (https://…)." }),
    ]),
  )
  .default("");

export const articleInput = z.object({
  kind: z.enum(articleKinds, { message: "Choose what kind of piece this is." }),
  title: text({ message: "Enter the title." })
    .trim()
    .min(1, "Enter the title.")
    .max(1000, "Use at most 1,000 characters."),
  body: text().max(500_000, "Use at most 500,000 characters.").default(""),
  lang: langCode,
  slug: slugInput,
  // In byline order.
  authorIds: idList,
  publisherId: optionalId,
  // The agency a report credits ("reported by TRT").
  creditedAgentId: optionalId,
  originalDate: partialDateField.nullish().transform((d) => d ?? null),
  originalUrl: webAddress,
  lawIds: idList,
  topicIds: idList,
  jurisdictionCodes: z
    .array(text().trim().toUpperCase().min(1).max(12))
    .max(50, "Keep it to 50.")
    .default([])
    .transform((codes) => [...new Set(codes)]),
  sourceIds: idList,
});

export type ArticleInput = z.input<typeof articleInput>;
export type ArticleValues = z.output<typeof articleInput>;

/** A facet from a URL: empty or unreadable means "all", never an error page. */
const facet = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const articleSorts = ["updated", "date", "title"] as const;
export type ArticleSort = (typeof articleSorts)[number];

export const listArticlesInput = z.object({
  q: text().trim().max(200).optional().catch(undefined),
  kind: facet(z.enum(articleKinds)),
  lang: facet(text().trim().min(1).max(35)),
  jurisdiction: facet(text().trim().toUpperCase().min(1).max(12)),
  law: facet(id),
  sort: z.enum(articleSorts).catch("updated").default("updated"),
  // Absent: the sort's own direction (A–Z for titles, newest first for dates).
  dir: facet(z.enum(sortDirections)),
  // Room for a cursor that carries a title of 1,000 four-byte characters: a longer limit than
  // that would send "Next page" back to the first page.
  after: text().max(8000).optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(100).default(50).catch(50),
});
