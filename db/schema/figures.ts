import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { authorship } from "./columns";
import { datePrecisionEnum } from "./enums";
import { jurisdictions } from "./jurisdictions";
import { laws } from "./laws";
import { sources } from "./sources";
import { users } from "./users";

/** A sourced number with its date ("people acquitted in Uzbekistan: 856"). */
export const figures = pgTable(
  "figures",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    label: text().notNull(),
    jurisdictionCode: text().references(() => jurisdictions.code, { onDelete: "set null" }),
    unit: text().notNull().default(""),
    note: text().notNull().default(""),
    ...authorship(),
    // Who saved it last, and who then approved it for readers (someone else): until then, and
    // again after any change, readers do not see it (modules/figures/approve.ts).
    editedById: integer().references(() => users.id, { onDelete: "set null" }),
    approvedById: integer().references(() => users.id, { onDelete: "set null" }),
    approvedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // The list: recently changed first or by label (keyset), filtered by jurisdiction and by words of the label.
    index("figures_updated_at_idx").on(t.updatedAt, t.id),
    index("figures_label_idx").on(t.label, t.id),
    index("figures_jurisdiction_idx").on(t.jurisdictionCode),
    index("figures_label_trgm_idx").using("gin", t.label.op("gin_trgm_ops")),
  ],
);

/** One source's value for a figure, as of a (partial) date. One may be marked preferred. */
export const figureAccounts = pgTable(
  "figure_accounts",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    figureId: integer()
      .notNull()
      .references(() => figures.id, { onDelete: "cascade" }),
    // The number as a plain decimal ("2400000"), and as the source prints it ("2.4 million").
    value: text().notNull(),
    wording: text().notNull().default(""),
    asOfDate: date({ mode: "string" }),
    asOfPrecision: datePrecisionEnum(),
    asOfApproximate: boolean().notNull().default(false),
    sourceId: integer().references(() => sources.id, { onDelete: "set null" }),
    // The source as it stood when the figure was approved: what readers see, until the next
    // approval, whatever is done to the source record meanwhile.
    approvedSourceTitle: text(),
    approvedSourceUrl: text(),
    preferred: boolean().notNull().default(false),
  },
  (t) => [
    index("figure_accounts_figure_idx").on(t.figureId),
    index("figure_accounts_source_idx").on(t.sourceId),
    check("figure_accounts_as_of_precision", sql`(${t.asOfDate} is null) = (${t.asOfPrecision} is null)`),
  ],
);

/** The laws a figure concerns: it is shown on their pages as well as its jurisdiction's. */
export const figureLaws = pgTable(
  "figure_laws",
  {
    figureId: integer()
      .notNull()
      .references(() => figures.id, { onDelete: "cascade" }),
    lawId: integer()
      .notNull()
      .references(() => laws.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.figureId, t.lawId] }), index("figure_laws_law_idx").on(t.lawId)],
);
