import { index, integer, jsonb, pgTable, primaryKey, real, text, timestamp } from "drizzle-orm/pg-core";
import { authorship } from "./columns";
import { revisions } from "./editorial";
import { anchorStateEnum, annotationAudienceEnum, annotationKindEnum, contentTypeEnum } from "./enums";
import { sources } from "./sources";
import { users } from "./users";

/** A passage: its quote with the context either side, and its place in code points (fresh builders per table). */
function passage() {
  return {
    exact: text().notNull(),
    prefix: text().notNull(),
    suffix: text().notNull(),
    start: integer().notNull(),
    end: integer().notNull(),
  };
}

/**
 * A note on a passage of a law text or an article (the working copy; revisions hold its history).
 * The passage is a W3C TextQuoteSelector and TextPositionSelector over the plain text of the
 * rendered Markdown (lib/markdown.ts markdownText), in code points, as it stood in the target's
 * revision `madeOnRevisionId`. Target ids carry no foreign key: an annotation outlives a text
 * version or a draft that is deleted, and is then orphaned rather than lost.
 */
export const annotations = pgTable(
  "annotations",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    targetType: contentTypeEnum().notNull(),
    targetId: integer().notNull(),
    // The law text version the passage is in; null for an article's body.
    textId: integer(),
    kind: annotationKindEnum().notNull(),
    audience: annotationAudienceEnum().notNull(),
    body: text().notNull(),
    ...passage(),
    madeOnRevisionId: integer()
      .notNull()
      .references(() => revisions.id),
    ...authorship(),
  },
  (t) => [
    index("annotations_target_idx").on(t.targetType, t.targetId, t.textId),
    // The admin's list, most recently changed first.
    index("annotations_updated_at_idx").on(t.updatedAt, t.id),
  ],
);

/** Laws, articles and agents an annotation points readers to. */
export const annotationLinks = pgTable(
  "annotation_links",
  {
    annotationId: integer()
      .notNull()
      .references(() => annotations.id, { onDelete: "cascade" }),
    itemType: contentTypeEnum().notNull(),
    itemId: integer().notNull(),
    position: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.annotationId, t.itemType, t.itemId] }),
    index("annotation_links_item_idx").on(t.itemType, t.itemId),
  ],
);

export const annotationSources = pgTable(
  "annotation_sources",
  {
    annotationId: integer()
      .notNull()
      .references(() => annotations.id, { onDelete: "cascade" }),
    sourceId: integer()
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.annotationId, t.sourceId] }), index("annotation_sources_source_idx").on(t.sourceId)],
);

/**
 * Where one revision of an annotation stands on one revision of its target's text: carried
 * forward and re-anchored when the target is published, or confirmed by an editor. Positions are
 * code points in the target revision's text; none when orphaned.
 */
export const annotationAnchors = pgTable(
  "annotation_anchors",
  {
    annotationRevisionId: integer()
      .notNull()
      .references(() => revisions.id),
    targetRevisionId: integer()
      .notNull()
      .references(() => revisions.id),
    annotationId: integer().notNull(),
    state: anchorStateEnum().notNull(),
    // The law text version it is on: a newer one than it was made on once carried forward.
    textId: integer(),
    // position, moved, context, fuzzy, confirmed (by an editor) or none (orphaned).
    method: text().notNull(),
    start: integer(),
    end: integer(),
    // The passage as found in this revision's text, with its context: the next carry starts here.
    exact: text(),
    prefix: text(),
    suffix: text(),
    similarity: real(),
    confirmedById: integer().references(() => users.id),
    confirmedAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.annotationRevisionId, t.targetRevisionId] }),
    index("annotation_anchors_annotation_idx").on(t.annotationId, t.targetRevisionId),
  ],
);

/**
 * Published public annotations as readers see them: one row per live, public annotation that is
 * anchored on its target's live text. Written only by publishing (modules/workflow), like the
 * other public tables; a draft, an internal note or a drifted or orphaned one is never here.
 */
export const publicAnnotations = pgTable(
  "public_annotations",
  {
    annotationId: integer().primaryKey(),
    revisionId: integer()
      .notNull()
      .references(() => revisions.id),
    targetType: contentTypeEnum().notNull(),
    targetId: integer().notNull(),
    targetRevisionId: integer()
      .notNull()
      .references(() => revisions.id),
    textId: integer(),
    kind: annotationKindEnum().notNull(),
    body: text().notNull(),
    ...passage(),
    // [{ type, id }] as the note links them, and its sources as [{ title, url }].
    links: jsonb().$type<PublicAnnotationLink[]>().notNull(),
    sources: jsonb().$type<{ title: string; url: string | null }[]>().notNull(),
    firstPublishedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    publishedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    index("public_annotations_target_idx").on(t.targetType, t.targetId, t.textId),
    // The read API's walk through every annotation (/api/v1/annotations without a target).
    index("public_annotations_published_idx").on(t.publishedAt, t.annotationId),
  ],
);

/** What a public note links to, by reference: readers get only those still live when they read (modules/public/annotations.ts). */
export type PublicAnnotationLink = { type: "law" | "article" | "agent" | "annotation"; id: number };
