import { integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * Old slugs keep working after a rename: they redirect to the item's current address. An old slug
 * leads to one item only, and no other item of its type and scope may take it (modules/content/slugs.ts).
 */
export const slugRedirects = pgTable(
  "slug_redirects",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    itemType: text().notNull(),
    scope: text().notNull().default(""),
    oldSlug: text().notNull(),
    itemId: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("slug_redirects_old_slug_idx").on(t.itemType, t.scope, t.oldSlug)],
);
