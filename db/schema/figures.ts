import { boolean, date, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { authorship } from "./columns";
import { datePrecisionEnum } from "./enums";
import { jurisdictions } from "./jurisdictions";
import { sources } from "./sources";

/** A sourced number with its date ("people acquitted in Uzbekistan: 856"). */
export const figures = pgTable("figures", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  label: text().notNull(),
  jurisdictionCode: text().references(() => jurisdictions.code, { onDelete: "set null" }),
  unit: text().notNull().default(""),
  note: text().notNull().default(""),
  ...authorship(),
});

/** One source's value for a figure, as of a (partial) date. One may be marked preferred. */
export const figureAccounts = pgTable(
  "figure_accounts",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    figureId: integer()
      .notNull()
      .references(() => figures.id, { onDelete: "cascade" }),
    value: text().notNull(),
    asOfDate: date({ mode: "string" }),
    asOfPrecision: datePrecisionEnum(),
    asOfApproximate: boolean().notNull().default(false),
    sourceId: integer().references(() => sources.id, { onDelete: "set null" }),
    preferred: boolean().notNull().default(false),
  },
  (t) => [index("figure_accounts_figure_idx").on(t.figureId), index("figure_accounts_source_idx").on(t.sourceId)],
);
