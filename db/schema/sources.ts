import { date, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { agents } from "./agents";
import { authorship } from "./columns";

/** A citation record, attached to laws, events, articles and figures. */
export const sources = pgTable(
  "sources",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    title: text().notNull(),
    url: text().notNull().default(""),
    publisherId: integer().references(() => agents.id, { onDelete: "set null" }),
    accessedOn: date({ mode: "string" }),
    archivedUrl: text().notNull().default(""),
    note: text().notNull().default(""),
    ...authorship(),
  },
  (t) => [
    index("sources_updated_at_idx").on(t.updatedAt, t.id),
    // The list sorted by title (keyset on title, id).
    index("sources_title_idx").on(t.title, t.id),
    index("sources_title_trgm_idx").using("gin", t.title.op("gin_trgm_ops")),
    index("sources_url_trgm_idx").using("gin", t.url.op("gin_trgm_ops")),
    index("sources_publisher_idx").on(t.publisherId),
  ],
);
