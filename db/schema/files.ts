import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { articles } from "./articles";
import { authorship } from "./columns";
import { attachmentRoleEnum, extractionStateEnum } from "./enums";
import { laws, lawTextVersions } from "./laws";
import { sources } from "./sources";
import { users } from "./users";

/**
 * A file's bytes, known by their SHA-256 and kept in the file store (modules/files/storage): the
 * same file attached twice is one row. Never changed once written, except for what extraction learns.
 */
export const storedFiles = pgTable(
  "stored_files",
  {
    sha256: text().primaryKey(),
    size: bigint({ mode: "number" }).notNull(),
    // From the content, never from the name.
    mediaType: text().notNull(),
    pageCount: integer(),
    // Null until extracted; false: a scan without a text layer.
    textLayer: boolean(),
    extraction: extractionStateEnum().notNull().default("pending"),
    extractionAttempts: integer().notNull().default(0),
    extractionStartedAt: timestamp({ withTimezone: true }),
    extractedAt: timestamp({ withTimezone: true }),
    extractionError: text(),
    // Images: a small WebP, itself a stored file.
    thumbnailSha256: text(),
    createdById: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("stored_files_sha256", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check("stored_files_size", sql`${t.size} >= 0`),
    index("stored_files_extraction_idx")
      .on(t.extraction, t.createdAt)
      .where(sql`${t.extraction} in ('pending', 'running')`),
  ],
);

/** A stored file's text, page by page (one page for formats without pages), as extraction found it. */
export const filePages = pgTable(
  "file_pages",
  {
    sha256: text()
      .notNull()
      .references(() => storedFiles.sha256, { onDelete: "cascade" }),
    page: integer().notNull(),
    text: text().notNull(),
    // "ocr" is room left for scans, which today are only marked as having no text layer.
    method: text().$type<"text_layer" | "markup" | "ocr">().notNull(),
  },
  (t) => [primaryKey({ columns: [t.sha256, t.page] }), check("file_pages_page", sql`${t.page} >= 1`)],
);

/** One fetch of a source's URL: what came back, kept whether it worked or not. */
export const captures = pgTable(
  "captures",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    sourceId: integer()
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    requestedUrl: text().notNull(),
    finalUrl: text(),
    httpStatus: integer(),
    // The Content-Type header as the server sent it.
    responseType: text(),
    fetchedAt: timestamp({ withTimezone: true }).notNull(),
    bodySha256: text().references(() => storedFiles.sha256),
    snapshotSha256: text().references(() => storedFiles.sha256),
    // Refused, timed out or too large: shown to editors beside the capture.
    error: text(),
    createdById: integer().references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("captures_source_idx").on(t.sourceId, t.fetchedAt)],
);

/**
 * A stored file attached to a law (or one of its text versions), an article or a source. For laws
 * and articles this is the working copy, which their revision snapshots record like the rest.
 */
export const attachments = pgTable(
  "attachments",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    lawId: integer().references(() => laws.id, { onDelete: "cascade" }),
    lawTextId: integer().references(() => lawTextVersions.id, { onDelete: "cascade" }),
    articleId: integer().references(() => articles.id, { onDelete: "cascade" }),
    sourceId: integer().references(() => sources.id, { onDelete: "cascade" }),
    sha256: text()
      .notNull()
      .references(() => storedFiles.sha256),
    role: attachmentRoleEnum().notNull(),
    // As the editor named it: what readers see and download it as.
    name: text().notNull(),
    capturedOn: date({ mode: "string" }),
    captureId: integer().references(() => captures.id, { onDelete: "set null" }),
    internal: boolean().notNull().default(false),
    position: integer().notNull().default(0),
    ...authorship(),
  },
  (t) => [
    check("attachments_one_owner", sql`num_nonnulls(${t.lawId}, ${t.articleId}, ${t.sourceId}) = 1`),
    check("attachments_text_of_law", sql`${t.lawTextId} is null or ${t.lawId} is not null`),
    check("attachments_name", sql`length(${t.name}) between 1 and 255 and ${t.name} !~ '[/\\\\[:cntrl:]]'`),
    index("attachments_law_idx")
      .on(t.lawId, t.position)
      .where(sql`${t.lawId} is not null`),
    index("attachments_law_text_idx")
      .on(t.lawTextId)
      .where(sql`${t.lawTextId} is not null`),
    index("attachments_article_idx")
      .on(t.articleId, t.position)
      .where(sql`${t.articleId} is not null`),
    index("attachments_source_idx")
      .on(t.sourceId, t.position)
      .where(sql`${t.sourceId} is not null`),
    index("attachments_sha256_idx").on(t.sha256),
  ],
);
