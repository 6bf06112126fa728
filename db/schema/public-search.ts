import { sql } from "drizzle-orm";
import { customType, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { contentTypeEnum } from "./enums";
import { revisions } from "./editorial";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * The public search index: one row per live item, written from its live revision by publishing
 * and removed by withdrawing (modules/workflow/project-search.ts). Everything is folded to
 * lower-case Latin (foldForSearch) before it is indexed, so Cyrillic and Latin spellings, with or
 * without diacritics, meet. Annotations will join as rows of their own type.
 */
export const publicSearch = pgTable(
  "public_search",
  {
    itemType: contentTypeEnum().notNull(),
    itemId: integer().notNull(),
    revisionId: integer()
      .notNull()
      .references(() => revisions.id),
    // The public address is built from these (a law's scope is its jurisdiction).
    scope: text().notNull(),
    slug: text().notNull(),
    title: text().notNull(),
    // Law type, article kind or agent kind: shown beside the result and filtered on.
    kind: text().notNull(),
    jurisdictionCodes: text().array().notNull(),
    // Other titles and names as written, to show which one a query found.
    aliases: text().array().notNull(),
    // Titles, names and identifiers in every language, folded: what typo tolerance compares against.
    names: text().notNull(),
    // The readable text snippets are cut from, as written (not folded).
    body: text().notNull(),
    // Names weigh A, summary B, body C; built in SQL from folded text at projection.
    document: tsvector().notNull(),
    // The names alone, so that a broad query finds the items it names without visiting every match.
    namesDocument: tsvector()
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('simple', names)`),
    publishedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.itemType, t.itemId] }),
    index("public_search_document_idx").using("gin", t.document),
    index("public_search_names_document_idx").using("gin", t.namesDocument),
    index("public_search_names_trgm_idx").using("gin", t.names.op("gin_trgm_ops")),
  ],
);

/**
 * Every word of the published names and titles, folded: the vocabulary a misspelt query word is
 * corrected against (pg_trgm similarity, through its trigram index) when no word of the query
 * matches as typed. Words are only added, on publication; one whose item was withdrawn since
 * matches no live item, so correcting to it finds nothing.
 */
export const searchWords = pgTable("search_words", { word: text().primaryKey() }, (t) => [
  index("search_words_trgm_idx").using("gin", t.word.op("gin_trgm_ops")),
]);
