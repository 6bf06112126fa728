import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { lawStatusEnum } from "./enums";

/**
 * The first, minimal shape of a law: enough for the founding example and the public home page.
 * The full content model (titles per language, events, text versions, revisions) extends it.
 */
export const laws = pgTable(
  "laws",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: text().notNull().unique(),
    jurisdictionCode: text().notNull(),
    title: text().notNull(),
    summary: text().notNull(),
    status: lawStatusEnum().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("laws_published_at_idx").on(t.publishedAt)],
);
