import { type AnyPgColumn, integer, pgTable, text } from "drizzle-orm/pg-core";
import { authorship } from "./columns";

/** The controlled vocabulary; a topic may sit under a broader one. */
export const topics = pgTable("topics", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  parentId: integer().references((): AnyPgColumn => topics.id, { onDelete: "set null" }),
  description: text().notNull().default(""),
  ...authorship(),
});
