import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { agents } from "./agents";
import { authorship } from "./columns";
import { datePrecisionEnum, lawEventKindEnum, lawRelationKindEnum, lawStatusEnum, lawTypeEnum } from "./enums";
import { jurisdictions } from "./jurisdictions";
import { sources } from "./sources";
import { topics } from "./topics";

/** A legal instrument. `title` repeats its preferred title (law_titles) for lists and sorting. */
export const laws = pgTable(
  "laws",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: text().notNull(),
    jurisdictionCode: text()
      .notNull()
      .references(() => jurisdictions.code),
    type: lawTypeEnum().notNull().default("law"),
    title: text().notNull(),
    summary: text().notNull(),
    status: lawStatusEnum().notNull(),
    // All titles and identifiers folded for search (modules/laws/save.ts), under one trigram index.
    searchText: text().notNull().default(""),
    ...authorship(),
  },
  (t) => [
    uniqueIndex("laws_jurisdiction_slug_idx").on(t.jurisdictionCode, t.slug),
    index("laws_search_text_trgm_idx").using("gin", t.searchText.op("gin_trgm_ops")),
    index("laws_updated_at_idx").on(t.updatedAt, t.id),
    index("laws_title_idx").on(t.title, t.id),
  ],
);

export const lawTitles = pgTable(
  "law_titles",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    lawId: integer()
      .notNull()
      .references(() => laws.id, { onDelete: "cascade" }),
    lang: text().notNull(),
    title: text().notNull(),
    preferred: boolean().notNull().default(false),
  },
  (t) => [
    index("law_titles_law_idx").on(t.lawId),
    index("law_titles_title_trgm_idx").using("gin", t.title.op("gin_trgm_ops")),
    uniqueIndex("law_titles_one_preferred_idx")
      .on(t.lawId)
      .where(sql`${t.preferred}`),
  ],
);

/** Registries number one law differently: each identifier names its registry. */
export const lawIdentifiers = pgTable(
  "law_identifiers",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    lawId: integer()
      .notNull()
      .references(() => laws.id, { onDelete: "cascade" }),
    registry: text().notNull(),
    value: text().notNull(),
  },
  (t) => [
    index("law_identifiers_law_idx").on(t.lawId),
    index("law_identifiers_value_trgm_idx").using("gin", t.value.op("gin_trgm_ops")),
  ],
);

/**
 * Spans of time a law covers (repression decided 1917–1953; the events of 17–18 December 1986);
 * several, not necessarily contiguous. Each is dated by one or more sourced accounts, like a
 * timeline event, since sources disagree on them too.
 */
export const lawPeriods = pgTable(
  "law_periods",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    lawId: integer()
      .notNull()
      .references(() => laws.id, { onDelete: "cascade" }),
    note: text().notNull().default(""),
  },
  (t) => [index("law_periods_law_idx").on(t.lawId)],
);

/** One source's dates for a covered period, each a partial date at its own precision. */
export const lawPeriodAccounts = pgTable(
  "law_period_accounts",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    periodId: integer()
      .notNull()
      .references(() => lawPeriods.id, { onDelete: "cascade" }),
    startDate: date({ mode: "string" }).notNull(),
    startPrecision: datePrecisionEnum().notNull(),
    startApproximate: boolean().notNull().default(false),
    endDate: date({ mode: "string" }).notNull(),
    endPrecision: datePrecisionEnum().notNull(),
    endApproximate: boolean().notNull().default(false),
    sourceId: integer().references(() => sources.id, { onDelete: "set null" }),
    preferred: boolean().notNull().default(false),
    note: text().notNull().default(""),
  },
  (t) => [
    index("law_period_accounts_period_idx").on(t.periodId),
    index("law_period_accounts_source_idx").on(t.sourceId),
  ],
);

export const lawTopics = pgTable(
  "law_topics",
  {
    lawId: integer()
      .notNull()
      .references(() => laws.id, { onDelete: "cascade" }),
    topicId: integer()
      .notNull()
      .references(() => topics.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.lawId, t.topicId] }), index("law_topics_topic_idx").on(t.topicId)],
);

export const lawSources = pgTable(
  "law_sources",
  {
    lawId: integer()
      .notNull()
      .references(() => laws.id, { onDelete: "cascade" }),
    sourceId: integer()
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.lawId, t.sourceId] }), index("law_sources_source_idx").on(t.sourceId)],
);

/** One text of a law: per language, official or not, per effective date. Body is Markdown. */
export const lawTextVersions = pgTable(
  "law_text_versions",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    lawId: integer()
      .notNull()
      .references(() => laws.id, { onDelete: "cascade" }),
    lang: text().notNull(),
    official: boolean().notNull().default(false),
    effectiveDate: date({ mode: "string" }),
    effectivePrecision: datePrecisionEnum(),
    effectiveApproximate: boolean().notNull().default(false),
    sourceId: integer().references(() => sources.id, { onDelete: "set null" }),
    body: text().notNull(),
    ...authorship(),
  },
  (t) => [
    index("law_text_versions_law_idx").on(t.lawId),
    index("law_text_versions_source_idx").on(t.sourceId),
    check(
      "law_text_versions_effective_precision",
      sql`(${t.effectiveDate} is null) = (${t.effectivePrecision} is null)`,
    ),
  ],
);

/** A step of a law's history. Its date lives in its accounts, since sources may disagree. */
export const lawEvents = pgTable(
  "law_events",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    lawId: integer()
      .notNull()
      .references(() => laws.id, { onDelete: "cascade" }),
    kind: lawEventKindEnum().notNull(),
    agentId: integer().references(() => agents.id, { onDelete: "set null" }),
    note: text().notNull().default(""),
    // The editor's order among events whose dates overlap (modules/laws/timeline-order.ts).
    position: integer().notNull().default(0),
  },
  (t) => [index("law_events_law_idx").on(t.lawId, t.position), index("law_events_agent_idx").on(t.agentId)],
);

/** One source's account of when an event happened. One may be marked preferred. */
export const lawEventAccounts = pgTable(
  "law_event_accounts",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    eventId: integer()
      .notNull()
      .references(() => lawEvents.id, { onDelete: "cascade" }),
    date: date({ mode: "string" }),
    precision: datePrecisionEnum(),
    approximate: boolean().notNull().default(false),
    sourceId: integer().references(() => sources.id, { onDelete: "set null" }),
    preferred: boolean().notNull().default(false),
    note: text().notNull().default(""),
  },
  (t) => [
    index("law_event_accounts_event_idx").on(t.eventId),
    index("law_event_accounts_source_idx").on(t.sourceId),
    check("law_event_accounts_date_precision", sql`(${t.date} is null) = (${t.precision} is null)`),
  ],
);

export const lawRelations = pgTable(
  "law_relations",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    fromLawId: integer()
      .notNull()
      .references(() => laws.id, { onDelete: "cascade" }),
    toLawId: integer()
      .notNull()
      .references(() => laws.id, { onDelete: "cascade" }),
    kind: lawRelationKindEnum().notNull(),
    note: text().notNull().default(""),
  },
  (t) => [
    uniqueIndex("law_relations_unique_idx").on(t.fromLawId, t.toLawId, t.kind),
    index("law_relations_to_idx").on(t.toLawId),
    check("law_relations_not_self", sql`${t.fromLawId} <> ${t.toLawId}`),
  ],
);
