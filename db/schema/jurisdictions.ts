import { integer, jsonb, pgTable, text, type AnyPgColumn } from "drizzle-orm/pg-core";
import { authorship } from "./columns";
import { jurisdictionKindEnum } from "./enums";

/** A country (ISO 3166 code) or a historical polity (a code of our own: SU, RSFSR). */
export const jurisdictions = pgTable("jurisdictions", {
  code: text().primaryKey(),
  name: text().notNull(),
  // Its names in other languages and scripts (Кыргызстан, Kyrgyz Republic), found by the filter too.
  otherNames: jsonb().$type<{ name: string; lang: string }[]>().notNull().default([]),
  kind: jurisdictionKindEnum().notNull().default("country"),
  startYear: integer(),
  endYear: integer(),
  // The polity that took its place (the Kirghiz SSR's is Kyrgyzstan): shown on both pages.
  successorCode: text().references((): AnyPgColumn => jurisdictions.code, { onDelete: "set null" }),
  ...authorship(),
});
