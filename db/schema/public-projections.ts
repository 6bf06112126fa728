import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, pgView, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { revisions } from "./editorial";
import { articleKindEnum, contentTypeEnum, datePrecisionEnum } from "./enums";

/**
 * The public read model beside public_laws and public_search: rows written from live revisions in
 * the publishing transaction (modules/workflow/project-*.ts) and removed by withdrawing,
 * archiving and merging, so that no public read scans revision snapshots. Like the views, these
 * tables hold nothing that is not public.
 */

/** Published articles as lists sort, filter, count and show them: one row per live article. */
export const publicArticles = pgTable(
  "public_articles",
  {
    articleId: integer().primaryKey(),
    revisionId: integer()
      .notNull()
      .references(() => revisions.id),
    slug: text().notNull(),
    kind: articleKindEnum().notNull(),
    title: text().notNull(),
    lang: text().notNull(),
    // The date the piece first appeared, as recorded ("2023", "2023-01", "2023-01-15"): lists sort on it.
    originalDate: text(),
    originalPrecision: datePrecisionEnum(),
    originalApproximate: boolean().notNull().default(false),
    // The opening of its body: what feeds carry as the entry's summary.
    excerpt: text().notNull(),
    // Agents as the revision names them, live or not: reads keep only the published ones.
    authorIds: integer()
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    publisherId: integer(),
    creditedAgentId: integer(),
    firstPublishedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    publishedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    index("public_articles_slug_idx").on(t.slug),
    index("public_articles_order_idx").on(
      t.originalDate.desc().nullsLast(),
      t.firstPublishedAt.desc(),
      t.articleId.desc(),
    ),
    index("public_articles_kind_order_idx").on(
      t.kind,
      t.originalDate.desc().nullsLast(),
      t.firstPublishedAt.desc(),
      t.articleId.desc(),
    ),
    index("public_articles_published_idx").on(t.publishedAt, t.articleId),
  ],
);

/**
 * Who refers to whom among live items, for the reverse lookups: an article discusses a law or
 * names an agent (author, publisher, credited agency), a law's timeline names an agent (actor),
 * a law relates to another. Written with the item that refers; the item referred to may be
 * unpublished, so reads join it to what is live.
 */
export const publicLinks = pgTable(
  "public_links",
  {
    fromType: contentTypeEnum().notNull(),
    fromId: integer().notNull(),
    kind: text().$type<PublicLinkKind>().notNull(),
    // Its place in the referring item's list (the editor's order).
    position: integer().notNull(),
    toType: contentTypeEnum().notNull(),
    toId: integer().notNull(),
    // What readers see of the link itself: an actor's step (kind, date, note), a relation's kind and note.
    detail: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ columns: [t.fromType, t.fromId, t.kind, t.position] }),
    index("public_links_to_idx").on(t.toType, t.toId, t.kind),
  ],
);

export type PublicLinkKind = "discusses" | "author" | "publisher" | "credited" | "actor" | "relates";

/**
 * Which sources each live law and article cites, as its live revision recorded them: a law's
 * source list and the accounts of its timeline, covered periods and texts, an article's sources.
 * Sources have no workflow: readers (the read API's /sources) meet one only through these
 * citations and the accounts of approved figures, never as its record stands now. A law's source
 * list records addresses (url and archived_url, "" when none), an account or an article's
 * source a title only.
 */
export const publicSourceCitations = pgTable(
  "public_source_citations",
  {
    fromType: contentTypeEnum().notNull(),
    fromId: integer().notNull(),
    // Its place among the item's citations: sources, then the timeline's, periods' and texts' accounts.
    position: integer().notNull(),
    sourceId: integer().notNull(),
    title: text(),
    url: text(),
    archivedUrl: text(),
    // The citing item's publishedAt: when readers last saw it cite the source.
    citedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.fromType, t.fromId, t.position] }),
    index("public_source_citations_source_idx").on(t.sourceId, t.citedAt),
    index("public_source_citations_order_idx").on(t.citedAt, t.sourceId),
  ],
);

/**
 * What each live law and article is about: its topics and jurisdictions, those it is tagged with
 * (direct) and, for an article, those of the live laws it discusses. Re-derived for the articles
 * discussing a law whenever the law's publication changes.
 */
export const publicTags = pgTable(
  "public_tags",
  {
    vocabulary: text().$type<"topic" | "jurisdiction">().notNull(),
    // A topic's id or a jurisdiction's code, as text.
    value: text().notNull(),
    itemType: contentTypeEnum().notNull(),
    itemId: integer().notNull(),
    direct: boolean().notNull(),
    publishedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.vocabulary, t.value, t.itemType, t.itemId] }),
    index("public_tags_item_idx").on(t.itemType, t.itemId),
  ],
);

/**
 * How many rows public_tags holds for each topic or jurisdiction and item type: what /topics and
 * the home page count, without counting every tag (190,000 at issue 13's scale) after each
 * publication. Kept by triggers on public_tags (migration 0023), in the same statement as the
 * tags themselves, so it cannot drift from them whoever writes them; a count may stay at 0.
 */
export const publicTagCounts = pgTable(
  "public_tag_counts",
  {
    vocabulary: text().$type<"topic" | "jurisdiction">().notNull(),
    value: text().notNull(),
    itemType: contentTypeEnum().notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.vocabulary, t.value, t.itemType] })],
);

/** Live items' addresses without their snapshots: what the proxy, the sitemap and link lists look up. */
export const liveAddresses = pgView("live_addresses", {
  itemType: contentTypeEnum().notNull(),
  itemId: integer().notNull(),
  scope: text().notNull(),
  slug: text().notNull(),
  title: text().notNull(),
  firstPublishedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  publishedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
}).as(
  sql`select item_type, item_id, scope, slug, title, first_published_at, published_at from publications where gone_at is null`,
);
