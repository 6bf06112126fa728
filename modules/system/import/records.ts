import { z } from "zod";
import {
  agentKinds,
  articleKinds,
  lawEventKinds,
  lawRelationKinds,
  lawStatuses,
  lawTypes,
} from "@/db/schema/vocabulary";
import { parsePartialDate, type PartialDate } from "@/lib/partial-date";
import { langCode, text } from "@/lib/validation";
import { maxBodyLength } from "@/modules/laws/texts";

/**
 * The records an import file holds: the read API's own shapes (GET /api/v1/laws/… and the rest;
 * fields the API adds, such as url or publishedAt, are ignored), plus an `externalId` that names
 * each law, article and agent across imports, and references by external id where the API gives
 * a URL or a name. docs/import-format.md documents every field.
 */

const line = (max: number) =>
  text()
    .trim()
    .max(max, `Use at most ${max.toLocaleString("en")} characters.`);
const required = (max: number, message: string) => line(max).min(1, message);
const optional = (max: number) => line(max).default("");

export const externalId = required(200, "Give the record an externalId, unique within its type.");
const slug = text()
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens.")
  .max(80)
  .optional()
  .or(z.literal("").transform(() => undefined));

/** "2023", "2023-01", "2023-01-15", "~1937", or the API's { date, precision, approximate }. */
export const partialDate = z.union([
  z.string().transform((value, ctx): PartialDate => {
    const parsed = parsePartialDate(value);
    if (!parsed) {
      // `continue` lets the union report this message rather than a bare "Invalid input".
      ctx.addIssue({
        code: "custom",
        message: `"${value}" is not a date: write 2023, 2023-01 or 2023-01-15.`,
        continue: true,
      });
      return z.NEVER;
    }
    return parsed;
  }),
  z.object({
    date: z.iso.date("Write the date as YYYY-MM-DD."),
    precision: z.enum(["year", "month", "day"]),
    approximate: z.boolean().default(false),
  }),
]);

/** Another record of the file or of the archive: by its external id, else as the API names it. */
const reference = z
  .object({
    externalId: line(200).optional(),
    url: line(2000).optional(),
    name: line(500).optional(),
    title: line(1000).optional(),
    slug: line(200).optional(),
  })
  .refine((r) => r.externalId || r.url || r.name || r.title || r.slug, {
    message: "Name what this refers to: an externalId, a url, a name or a title.",
  });
export type Reference = z.output<typeof reference>;
/** A bare string is an external id. */
const ref = z.union([z.string().transform((externalId) => ({ externalId: externalId.trim() })), reference]);

export const topicRecord = z.object({
  slug: text()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens.")
    .max(80),
  name: required(200, "Name the topic."),
  description: optional(2000),
  parent: line(80).optional().describe("The slug of a broader topic."),
});

export const sourceRecord = z.object({
  externalId: line(200).optional(),
  title: required(1000, "Give the source a title."),
  url: optional(2000),
  archivedUrl: optional(2000),
  accessedOn: z.iso.date("Write the date as YYYY-MM-DD.").nullable().optional(),
  note: optional(2000),
});

export const agentRecord = z.preprocess(
  // The read API calls an agent's other names `otherNames`.
  (raw) =>
    raw && typeof raw === "object" && "otherNames" in raw && !("names" in raw)
      ? { ...raw, names: (raw as { otherNames: unknown }).otherNames }
      : raw,
  z.object({
    externalId,
    slug,
    kind: z.enum(agentKinds, { message: `Use one of: ${agentKinds.join(", ")}.` }),
    name: required(500, "Give the agent's name."),
    description: optional(5000),
    names: z
      .array(z.object({ name: required(500, "Enter the name."), lang: langCode }))
      .max(200)
      .default([]),
    links: z
      .array(
        z.object({ label: optional(200), url: z.url({ protocol: /^https?$/, message: "Use an http(s) address." }) }),
      )
      .max(50)
      .default([]),
  }),
);

/** A source as laws and articles cite it: the API's sourceTitle/sourceUrl, or a reference. */
const citing = {
  source: ref.nullable().optional(),
  sourceTitle: line(1000).nullable().optional(),
  sourceUrl: line(2000).nullable().optional(),
};

const eventAccount = z.object({
  date: partialDate.nullable().default(null),
  preferred: z.boolean().default(false),
  note: optional(2000),
  ...citing,
});

const timelineStep = z.object({
  kind: z.enum(lawEventKinds, { message: `Use one of: ${lawEventKinds.join(", ")}.` }),
  agent: ref.nullable().default(null),
  note: optional(2000),
  date: partialDate.nullable().default(null),
  accounts: z.array(eventAccount).max(20).default([]),
});

const periodAccount = z.object({
  start: partialDate,
  end: partialDate,
  preferred: z.boolean().default(false),
  note: optional(2000),
  ...citing,
});

export const lawRecord = z.object({
  externalId,
  slug,
  jurisdiction: z.union([
    line(12).transform((code) => code.toUpperCase()),
    z.object({ code: line(12).transform((code) => code.toUpperCase()) }).transform((j) => j.code),
  ]),
  type: z.enum(lawTypes, { message: `Use one of: ${lawTypes.join(", ")}.` }),
  status: z.enum(lawStatuses, { message: `Use one of: ${lawStatuses.join(", ")}.` }),
  title: required(1000, "Give the law its title."),
  summary: optional(20_000),
  titles: z
    .array(
      z.object({ lang: langCode, title: required(1000, "Enter the title."), preferred: z.boolean().default(false) }),
    )
    .max(200)
    .default([]),
  identifiers: z
    .array(z.object({ registry: required(200, "Name the registry."), value: required(200, "Enter the number.") }))
    .max(200)
    .default([]),
  topics: z
    .array(z.union([z.string().transform((s) => ({ slug: s.trim() })), z.object({ slug: line(80) })]))
    .max(200)
    .default([]),
  sources: z.array(ref).max(200).default([]),
  timeline: z.array(timelineStep).max(200).default([]),
  periods: z
    .array(z.object({ note: optional(2000), accounts: z.array(periodAccount).min(1).max(20) }))
    .max(50)
    .default([]),
  texts: z
    .array(
      z.object({
        lang: langCode,
        official: z.boolean().default(false),
        effectiveDate: partialDate.nullable().default(null),
        body: text().max(maxBodyLength, `Use at most ${maxBodyLength.toLocaleString("en")} characters.`),
        ...citing,
      }),
    )
    .max(50)
    .default([]),
  related: z
    .array(
      z.object({
        kind: z.enum(lawRelationKinds, { message: `Use one of: ${lawRelationKinds.join(", ")}.` }),
        law: ref,
        note: optional(2000),
      }),
    )
    .max(200)
    .default([]),
});

export const articleRecord = z.object({
  externalId,
  slug,
  kind: z.enum(articleKinds, { message: `Use one of: ${articleKinds.join(", ")}.` }),
  title: required(1000, "Give the article its title."),
  lang: langCode.default("en"),
  body: text().max(maxBodyLength).default(""),
  originalDate: partialDate.nullable().default(null),
  originalUrl: optional(2000),
  authors: z.array(ref).max(50).default([]),
  publisher: ref.nullable().default(null),
  creditedAgent: ref.nullable().default(null),
  laws: z.array(ref).max(200).default([]),
  topics: z
    .array(z.union([z.string().transform((s) => ({ slug: s.trim() })), z.object({ slug: line(80) })]))
    .max(200)
    .default([]),
  jurisdictions: z
    .array(z.union([line(12), z.object({ code: line(12) }).transform((j) => j.code)]).transform((c) => c.toUpperCase()))
    .max(50)
    .default([]),
  sources: z.array(ref).max(200).default([]),
});

/** A sourced number: the API's figure, its accounts citing sources as laws do. */
export const figureRecord = z.object({
  externalId,
  label: required(500, "Say what is counted."),
  jurisdiction: z
    .union([line(12), z.object({ code: line(12) }).transform((j) => j.code)])
    .nullable()
    .default(null)
    .transform((code) => (code ? code.toUpperCase() : null)),
  unit: optional(100),
  note: optional(5000),
  accounts: z
    .array(
      z.object({
        // The number as the source prints it ("311,000", "2.4 million"), or the API's wording.
        value: z.union([z.number().transform(String), line(60)]),
        wording: line(60).optional(),
        asOf: partialDate.nullable().default(null),
        preferred: z.boolean().default(false),
        ...citing,
      }),
    )
    .min(1, "Give at least one sourced value.")
    .max(50),
  laws: z.array(ref).max(200).default([]),
});

export type TopicRecord = z.output<typeof topicRecord>;
export type SourceRecord = z.output<typeof sourceRecord>;
export type AgentRecord = z.output<typeof agentRecord>;
export type LawRecord = z.output<typeof lawRecord>;
export type ArticleRecord = z.output<typeof articleRecord>;
export type FigureRecord = z.output<typeof figureRecord>;

export const recordSchemas = {
  topics: topicRecord,
  sources: sourceRecord,
  agents: agentRecord,
  laws: lawRecord,
  articles: articleRecord,
  figures: figureRecord,
} as const;
export type RecordKind = keyof typeof recordSchemas;
export const recordKinds = Object.keys(recordSchemas) as RecordKind[];

/** Where a record came from, for the report: "laws.csv" row 14, or "archive.json" laws[13]. */
export type Origin = { file: string; row: number };

export type RowError = Origin & { field: string; reason: string };
