import "server-only";
import path from "node:path";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { Database } from "./client";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

// Any fixed number: it names the advisory lock that serializes migrations across processes.
const MIGRATION_LOCK_KEY = 727_274_001;

/** Applies the committed drizzle-kit migrations; safe to run again and from several processes. */
export async function migrate(database: Database, folder = migrationsFolder): Promise<void> {
  if (database.driver === "pglite") {
    // The data-folder lock already makes this process the only one.
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: folder });
    return;
  }
  // A session-level advisory lock lives on one connection, so the migrator runs on that one too.
  const client = await database.pool!.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg(client), { migrationsFolder: folder });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}
