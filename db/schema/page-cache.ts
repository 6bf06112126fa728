import { sql } from "drizzle-orm";
import { bigserial, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * What a publication made stale, for every app instance: each polls this table and expires the
 * cached pages and reads tagged so (modules/system/page-cache-sync.ts). Written in the transaction that
 * changed what readers see, so an instance never expires a change that did not commit.
 */
export const cacheInvalidations = pgTable(
  "cache_invalidations",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    tags: text().array().notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 3 })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [index("cache_invalidations_created_idx").on(t.createdAt)],
);
