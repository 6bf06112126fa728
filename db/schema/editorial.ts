import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  pgView,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { contentTypeEnum, reviewStateEnum, visibilityEnum } from "./enums";
import { users } from "./users";

/**
 * Immutable snapshots of an item's editable fields and links. A trigger (migration 0011) refuses
 * UPDATE and DELETE, so history cannot be rewritten; deleting a draft item leaves its revisions.
 */
export const revisions = pgTable(
  "revisions",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    itemType: contentTypeEnum().notNull(),
    itemId: integer().notNull(),
    number: integer().notNull(),
    parentId: integer(),
    snapshot: jsonb().$type<Record<string, unknown>>().notNull(),
    // SHA-256 of the canonical snapshot (modules/audit/chain.ts canonicalJson).
    hash: text().notNull(),
    authorId: integer().references(() => users.id),
    message: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("revisions_item_number_idx").on(t.itemType, t.itemId, t.number)],
);

/** Where each item stands: its working and live revisions, review state, and any schedule. */
export const editorialItems = pgTable(
  "editorial_items",
  {
    itemType: contentTypeEnum().notNull(),
    itemId: integer().notNull(),
    review: reviewStateEnum().notNull().default("draft"),
    visibility: visibilityEnum().notNull().default("unpublished"),
    // Null only between migration 0011 and the first start, which snapshots existing items.
    workingRevisionId: integer().references(() => revisions.id),
    liveRevisionId: integer().references(() => revisions.id),
    submittedById: integer().references(() => users.id),
    submittedAt: timestamp({ withTimezone: true, precision: 3 }),
    approvedById: integer().references(() => users.id),
    approvedAt: timestamp({ withTimezone: true, precision: 3 }),
    publishAt: timestamp({ withTimezone: true, precision: 3 }),
    scheduledById: integer().references(() => users.id),
    // The reviewer asked to look at it; only the review queue and the lists read it, never readers.
    assignedToId: integer().references(() => users.id, { onDelete: "set null" }),
    changedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.itemType, t.itemId] }),
    index("editorial_items_review_idx").on(t.review, t.changedAt),
    index("editorial_items_publish_at_idx")
      .on(t.publishAt)
      .where(sql`${t.publishAt} is not null`),
  ],
);

/**
 * The public address book: one row per item that has ever been published, naming its live
 * revision. Written only by publishing, withdrawing and archiving (modules/workflow).
 */
export const publications = pgTable(
  "publications",
  {
    itemType: contentTypeEnum().notNull(),
    itemId: integer().notNull(),
    revisionId: integer()
      .notNull()
      .references(() => revisions.id),
    scope: text().notNull().default(""),
    slug: text().notNull(),
    title: text().notNull(),
    firstPublishedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    publishedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    goneAt: timestamp({ withTimezone: true, precision: 3 }),
    // A withdrawn item merged into another of its type: its address redirects there.
    mergedIntoId: integer(),
  },
  (t) => [
    primaryKey({ columns: [t.itemType, t.itemId] }),
    uniqueIndex("publications_address_idx").on(t.itemType, t.scope, t.slug),
    index("publications_published_at_idx").on(t.itemType, t.publishedAt),
  ],
);

/** Bumped by every publish and withdrawal: public caches key on it, on every instance at once. */
export const publicationClock = pgTable("publication_clock", {
  id: integer().primaryKey().default(1),
  version: bigint({ mode: "number" }).notNull().default(0),
});

/**
 * What the public may read: live revisions only. Public code (modules/public, app/(public)) is
 * allowed this view and not the tables (eslint.config.mjs), so a draft cannot reach it. Columns
 * are declared (not inferred) because drizzle cannot name inferred columns of joined tables.
 */
export const liveDocuments = pgView("live_documents", {
  itemType: contentTypeEnum().notNull(),
  itemId: integer().notNull(),
  revisionId: integer().notNull(),
  scope: text().notNull(),
  slug: text().notNull(),
  title: text().notNull(),
  firstPublishedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  publishedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  snapshot: jsonb().$type<Record<string, unknown>>().notNull(),
}).as(
  sql`select p.item_type, p.item_id, p.revision_id, p.scope, p.slug, p.title, p.first_published_at, p.published_at, r.snapshot from publications p join revisions r on r.id = p.revision_id where p.gone_at is null`,
);

/** Editorial comments on an item's working revision, seen only by signed-in users. */
export const editorialComments = pgTable(
  "editorial_comments",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    itemType: contentTypeEnum().notNull(),
    itemId: integer().notNull(),
    revisionId: integer().references(() => revisions.id),
    authorId: integer().references(() => users.id),
    body: text().notNull(),
    // "comment", "changes_requested", or "override" (a reason given for bypassing a rule).
    kind: text().notNull().default("comment"),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    resolvedById: integer().references(() => users.id),
    resolvedAt: timestamp({ withTimezone: true, precision: 3 }),
  },
  (t) => [index("editorial_comments_item_idx").on(t.itemType, t.itemId, t.createdAt)],
);

/** When each user last opened each item, for "changed since I last looked". */
export const reviewViews = pgTable(
  "review_views",
  {
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    itemType: contentTypeEnum().notNull(),
    itemId: integer().notNull(),
    seenAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.itemType, t.itemId] })],
);

/** Addresses of withdrawn or archived items (410, or a redirect when merged): no content, only where. */
export const goneAddresses = pgView("gone_addresses", {
  itemType: contentTypeEnum().notNull(),
  scope: text().notNull(),
  slug: text().notNull(),
  mergedIntoId: integer(),
  goneAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
}).as(sql`select item_type, scope, slug, merged_into_id, gone_at from publications where gone_at is not null`);

/** Every revision that has been live, and when it went live: the versions a citation can point at. */
export const publishedRevisions = pgTable(
  "published_revisions",
  {
    itemType: contentTypeEnum().notNull(),
    itemId: integer().notNull(),
    number: integer().notNull(),
    revisionId: integer()
      .notNull()
      .references(() => revisions.id),
    publishedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemType, t.itemId, t.number] })],
);

/**
 * The versions of published items that readers may cite: revisions that were live once, of items
 * that are not withdrawn. Public code reads old versions only through this view.
 */
export const citableRevisions = pgView("citable_revisions", {
  itemType: contentTypeEnum().notNull(),
  itemId: integer().notNull(),
  number: integer().notNull(),
  publishedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  snapshot: jsonb().$type<Record<string, unknown>>().notNull(),
}).as(
  sql`select h.item_type, h.item_id, h.number, h.published_at, r.snapshot from published_revisions h join revisions r on r.id = h.revision_id join publications p on p.item_type = h.item_type and p.item_id = h.item_id where p.gone_at is null`,
);
