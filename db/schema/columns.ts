import { integer, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

/** Who made an item and when it last changed: every curated item carries these (fresh builders per table). */
export function authorship() {
  return {
    createdById: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  };
}
