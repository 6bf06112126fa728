import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The stable ids an import file gives its records (laws, articles, agents, sources), and the
 * items they became: importing the same file again updates those items instead of adding copies.
 */
export const importKeys = pgTable(
  "import_keys",
  {
    // "law", "article", "agent" or "source".
    recordType: text().notNull(),
    externalId: text().notNull(),
    itemId: integer().notNull(),
    importedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.recordType, t.externalId] })],
);
