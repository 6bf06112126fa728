import { sql } from "drizzle-orm";
import { bigint, customType, date, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { revisions } from "./editorial";
import { attachmentRoleEnum, contentTypeEnum } from "./enums";

/**
 * The files readers may see and download: those of each live law's and article's live revision
 * that are not internal, written in the publishing transaction (modules/workflow/project-attachments.ts)
 * and removed with the item. The file route serves a stored file only while a row here names it.
 */
export const publicAttachments = pgTable(
  "public_attachments",
  {
    attachmentId: integer().primaryKey(),
    itemType: contentTypeEnum().notNull(),
    itemId: integer().notNull(),
    revisionId: integer()
      .notNull()
      .references(() => revisions.id),
    // The law's text version it belongs to; null: the item as a whole.
    textId: integer(),
    sha256: text().notNull(),
    name: text().notNull(),
    role: attachmentRoleEnum().notNull(),
    mediaType: text().notNull(),
    size: bigint({ mode: "number" }).notNull(),
    pageCount: integer(),
    // Images: the stored WebP readers see in the list; null until it is made.
    thumbnailSha256: text(),
    capturedOn: date({ mode: "string" }),
    position: integer().notNull(),
    publishedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    index("public_attachments_item_idx").on(t.itemType, t.itemId, t.position),
    index("public_attachments_sha256_idx").on(t.sha256),
    index("public_attachments_thumbnail_idx")
      .on(t.thumbnailSha256)
      .where(sql`${t.thumbnailSha256} is not null`),
  ],
);

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * The text of public files, page by page, for search: a row exists only while public_attachments
 * names its file, written when the file goes public or, if later, when its text has been read.
 * Folded like public_search (foldForSearch), so that the same spellings meet.
 */
export const publicFilePages = pgTable(
  "public_file_pages",
  {
    sha256: text().notNull(),
    page: integer().notNull(),
    // The page's text as written, that result snippets are cut from.
    body: text().notNull(),
    document: tsvector().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sha256, t.page] }),
    index("public_file_pages_document_idx").using("gin", t.document),
  ],
);
