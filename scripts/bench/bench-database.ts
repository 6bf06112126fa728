/**
 * The database the public benchmark's server reads: one of its own (a temporary PGlite data folder,
 * or a scratch database when DATABASE_URL names a PostgreSQL server), migrated and filled by an
 * archive loader, or, with --database-ready, the one DATABASE_URL / DATA_DIR names, as it is.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Database } from "@/db/client";
import { migrate } from "@/db/migrate";
import { dataDir } from "@/env";
import { createScratchDatabase } from "@/tests/scratch";
import { onCleanup } from "./cleanup";
import type { ArchiveLoader } from "./archive-loader";
import type { ServerDatabase } from "./next-server";

export type BenchDatabase = {
  /** What the server is given. */
  server: ServerDatabase;
  /** The PostgreSQL database's name, to find its backends; none on PGlite. */
  dbName?: string;
  description: string;
};

/**
 * Opens the database, prepares it unless it is ready, runs `alsoWithOpen` (what must be written
 * before the server starts), and closes it: a PGlite folder admits one process.
 */
export async function benchDatabase<T>(options: {
  serverUrl: string | undefined;
  ready: boolean;
  load: ArchiveLoader;
  /** What a ready database gets before the run: the pages it lacks. */
  complete: ArchiveLoader;
  alsoWithOpen: (database: Database) => Promise<T>;
}): Promise<BenchDatabase & { also: T }> {
  const { serverUrl, ready } = options;
  let server: ServerDatabase;
  let dbName: string | undefined;
  if (ready) {
    server = serverUrl ?? { dataDir: dataDir() };
    if (serverUrl) dbName = new URL(serverUrl).pathname.slice(1);
  } else if (serverUrl) {
    const scratch = await createScratchDatabase(serverUrl, "marginalia_bench_public");
    onCleanup("drop the scratch database", scratch.drop);
    dbName = new URL(scratch.url).pathname.slice(1);
    server = scratch.url;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marginalia-bench-public-"));
    onCleanup("remove the data folder", async () => fs.rmSync(dir, { recursive: true, force: true }));
    server = { dataDir: dir };
  }
  const database: Database = await openDatabase(
    typeof server === "string" ? { databaseUrl: server } : { dataDir: server.dataDir },
  );
  try {
    const driver =
      typeof server === "string"
        ? `PostgreSQL database ${dbName}`
        : `PGlite (${ready ? server.dataDir : "a temporary data folder"})`;
    await migrate(database);
    const loaded = ready ? `${await options.complete(database)} (--database-ready)` : await options.load(database);
    const also = await options.alsoWithOpen(database);
    return { server, dbName, description: `${driver}; ${loaded}`, also };
  } finally {
    await database.close();
  }
}
