import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, wrapPglite, type Database } from "@/db/client";
import { migrate } from "@/db/migrate";
import { createScratchDatabase } from "./scratch";

/**
 * A fresh, migrated database for one test file: a copy of the migrated PGlite snapshot, or, when
 * DATABASE_URL is set, a new database on that server, dropped again at the end.
 */
export async function createTestDatabase(): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const snapshot = fs.readFileSync(inject("pgliteSnapshot"));
    const client = await PGlite.create({ loadDataDir: new Blob([snapshot]), extensions: { pg_trgm } });
    return wrapPglite(client, "test snapshot");
  }
  const scratch = await createScratchDatabase(serverUrl, "marginalia_test");
  const database = await openDatabase({ databaseUrl: scratch.url });
  await migrate(database);
  return { ...database, close: () => closeAndDrop(database, serverUrl, scratch) };
}

/**
 * An empty database with no migrations applied, for the migration tests: a new in-memory PGlite
 * (about 3 s, so only where a test needs it), or a new database on the PostgreSQL server.
 */
export async function createEmptyDatabase(): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return wrapPglite(await PGlite.create({ extensions: { pg_trgm } }), "memory");
  const scratch = await createScratchDatabase(serverUrl, "marginalia_test");
  const database = await openDatabase({ databaseUrl: scratch.url });
  return { ...database, close: () => closeAndDrop(database, serverUrl, scratch) };
}

/**
 * pg's pool.end() resolves before its connections have closed; dropping the database "with
 * (force)" at that moment kills them, and the pool logs an error. So wait until they are gone.
 */
async function closeAndDrop(database: Database, serverUrl: string, scratch: { url: string; drop(): Promise<void> }) {
  await database.close();
  const name = decodeURIComponent(new URL(scratch.url).pathname.slice(1));
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    for (let i = 0; i < 100; i++) {
      const { rows } = await client.query("select count(*)::int as n from pg_stat_activity where datname = $1", [name]);
      if (rows[0].n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.end();
  }
  await scratch.drop();
}

/**
 * Opens the embedded database in a data folder, the way a process of the product does, even when
 * the suite runs on PostgreSQL: an empty URL means "no server", as an empty DATABASE_URL does.
 */
export function openEmbeddedDatabase(dataDir: string): Promise<Database> {
  return openDatabase({ databaseUrl: "", dataDir });
}

/**
 * Fills an empty data folder with a migrated embedded database and closes it again, for tests of
 * processes that open the folder. From the snapshot that takes about 1 s instead of 3 s; it relies
 * on db/client.ts keeping PGlite's files in <dataDir>/pglite.
 */
export async function createMigratedDataDir(dataDir: string): Promise<void> {
  if (process.env.DATABASE_URL) {
    // No snapshot is made when the suite runs on PostgreSQL.
    const database = await openEmbeddedDatabase(dataDir);
    await migrate(database);
    await database.close();
    return;
  }
  const snapshot = fs.readFileSync(inject("pgliteSnapshot"));
  fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: path.join(dataDir, "pglite"),
    loadDataDir: new Blob([snapshot]),
    extensions: { pg_trgm },
  });
  await client.close();
}
