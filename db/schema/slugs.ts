import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Old slugs keep working after a rename: they redirect to the item's current address. */
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
  (t) => [index("slug_redirects_lookup_idx").on(t.itemType, t.scope, t.oldSlug)],
);
