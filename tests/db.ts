import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { inject } from "vitest";
import { openDatabase, wrapPglite, type Database } from "@/db/client";
import { migrate } from "@/db/migrate";
import { createScratchDatabase } from "@/db/scratch";

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
  return {
    ...database,
    close: async () => {
      await database.close();
      await scratch.drop();
    },
  };
}
