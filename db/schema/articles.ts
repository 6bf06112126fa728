import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { agents } from "./agents";
import { authorship } from "./columns";
import { articleKindEnum, datePrecisionEnum } from "./enums";
import { jurisdictions } from "./jurisdictions";
import { laws } from "./laws";
import { sources } from "./sources";
import { topics } from "./topics";

/** A news report, opinion piece, analysis or official statement, with its full attribution. */
export const articles = pgTable(
  "articles",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: text().notNull().unique(),
    kind: articleKindEnum().notNull(),
    title: text().notNull(),
    body: text().notNull().default(""),
    lang: text().notNull().default("en"),
    publisherId: integer().references(() => agents.id, { onDelete: "set null" }),
    // The agency a report credits ("reported by TRT").
    creditedAgentId: integer().references(() => agents.id, { onDelete: "set null" }),
    originalDate: date({ mode: "string" }),
    originalPrecision: datePrecisionEnum(),
    originalApproximate: boolean().notNull().default(false),
    originalUrl: text().notNull().default(""),
    ...authorship(),
  },
  (t) => [
    index("articles_title_trgm_idx").using("gin", t.title.op("gin_trgm_ops")),
    index("articles_updated_at_idx").on(t.updatedAt, t.id),
    index("articles_title_idx").on(t.title, t.id),
    index("articles_original_date_idx").on(t.originalDate),
    index("articles_publisher_idx").on(t.publisherId),
    index("articles_credited_agent_idx").on(t.creditedAgentId),
    check("articles_original_date_precision", sql`(${t.originalDate} is null) = (${t.originalPrecision} is null)`),
  ],
);

export const articleAuthors = pgTable(
  "article_authors",
  {
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    agentId: integer()
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    position: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.agentId] }), index("article_authors_agent_idx").on(t.agentId)],
);

export const articleLaws = pgTable(
  "article_laws",
  {
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    lawId: integer()
      .notNull()
      .references(() => laws.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.lawId] }), index("article_laws_law_idx").on(t.lawId)],
);

export const articleTopics = pgTable(
  "article_topics",
  {
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    topicId: integer()
      .notNull()
      .references(() => topics.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.topicId] }), index("article_topics_topic_idx").on(t.topicId)],
);

export const articleJurisdictions = pgTable(
  "article_jurisdictions",
  {
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    jurisdictionCode: text()
      .notNull()
      .references(() => jurisdictions.code, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.jurisdictionCode] }),
    index("article_jurisdictions_jurisdiction_idx").on(t.jurisdictionCode),
  ],
);

export const articleSources = pgTable(
  "article_sources",
  {
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    sourceId: integer()
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.sourceId] }), index("article_sources_source_idx").on(t.sourceId)],
);
