import "server-only";
import { openDatabase, type Database } from "./client";
import { migrate } from "./migrate";

export type { Database, Db, Tx } from "./client";

// One database per process, kept on globalThis so that dev-mode module reloads reuse it instead
// of opening the embedded data folder a second time.
const holder = globalThis as typeof globalThis & { __marginaliaDatabase?: Promise<Database> };

/** The process's database, opened and migrated on first use and closed on SIGINT/SIGTERM. */
export function getDatabase(): Promise<Database> {
  holder.__marginaliaDatabase ??= open().catch((error: unknown) => {
    holder.__marginaliaDatabase = undefined;
    throw error;
  });
  return holder.__marginaliaDatabase;
}

async function open(): Promise<Database> {
  const database = await openDatabase();
  try {
    await migrate(database);
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
  closeOnSignals(database);
  return database;
}

/**
 * The database for a command that migrates it itself (restore, which must look at it first):
 * opened, not migrated, and closed on SIGINT/SIGTERM. Not shared with getDatabase.
 */
export async function openUnmigratedDatabase(): Promise<Database> {
  const database = await openDatabase();
  closeOnSignals(database);
  return database;
}

function closeOnSignals(database: Database) {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    // An unclean stop of PGlite loses its sequence caches; close it before the process exits.
    database
      .close()
      .catch((error: unknown) => console.error("Closing the database failed:", error))
      .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  // `on`, not `once`: under `next dev` a second SIGINT follows the first, and must not kill the
  // process while the database is still closing.
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}
