import { index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { authorship } from "./columns";
import { agentKindEnum } from "./enums";

/** An authority record: a person or an organization, under one preferred name. */
export const agents = pgTable(
  "agents",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: text().notNull().unique(),
    kind: agentKindEnum().notNull(),
    preferredName: text().notNull(),
    description: text().notNull().default(""),
    links: jsonb().$type<{ label: string; url: string }[]>().notNull().default([]),
    // Every name and variant, folded to lower-case Latin without accents, for typo-tolerant search.
    searchText: text().notNull().default(""),
    ...authorship(),
  },
  (t) => [
    index("agents_search_text_trgm_idx").using("gin", t.searchText.op("gin_trgm_ops")),
    index("agents_name_idx").on(t.preferredName, t.id),
    index("agents_updated_at_idx").on(t.updatedAt, t.id),
  ],
);

/** Other names of an agent: spellings, transliterations, names in other scripts (Japarov, Жапаров). */
export const agentNames = pgTable(
  "agent_names",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    agentId: integer()
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    name: text().notNull(),
    lang: text().notNull().default(""),
  },
  (t) => [index("agent_names_agent_idx").on(t.agentId)],
);
