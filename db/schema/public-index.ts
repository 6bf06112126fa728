import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { revisions } from "./editorial";
import { datePrecisionEnum, lawEventKindEnum, lawStatusEnum, lawTypeEnum } from "./enums";

/**
 * Published laws as the public index filters, counts and sorts them: one row per live law, made
 * from its live revision by publishing and removed by withdrawing (modules/workflow/publish.ts).
 * Like the views, it holds nothing that is not public.
 */
export const publicLaws = pgTable(
  "public_laws",
  {
    lawId: integer().primaryKey(),
    revisionId: integer()
      .notNull()
      .references(() => revisions.id),
    jurisdictionCode: text().notNull(),
    slug: text().notNull(),
    title: text().notNull(),
    summary: text().notNull(),
    type: lawTypeEnum().notNull(),
    status: lawStatusEnum().notNull(),
    // The year it was adopted (or signed, or first dated): the index's year facet.
    year: integer(),
    topicIds: integer()
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    // The step of its history that places it on a timeline (modules/public/law-chronology.ts lawMilestone).
    milestoneKind: lawEventKindEnum(),
    milestoneDate: text(),
    milestonePrecision: datePrecisionEnum(),
    milestoneApproximate: boolean().notNull().default(false),
    firstPublishedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    publishedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    index("public_laws_jurisdiction_idx").on(t.jurisdictionCode),
    index("public_laws_year_idx").on(t.year),
    index("public_laws_topics_idx").using("gin", t.topicIds),
    index("public_laws_title_idx").on(t.title, t.lawId),
    index("public_laws_published_idx").on(t.publishedAt, t.lawId),
    index("public_laws_first_published_idx").on(t.firstPublishedAt, t.lawId),
  ],
);
