import { sql } from "drizzle-orm";
import { integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * An editor's named list view: the query string of an admin list (filters, sort, columns), kept
 * per user so that it can be reapplied from the list page. `list` names the list ("laws").
 */
export const savedViews = pgTable(
  "saved_views",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    list: text().notNull(),
    name: text().notNull(),
    query: text().notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 3 })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [uniqueIndex("saved_views_user_list_name_idx").on(t.userId, t.list, t.name)],
);
