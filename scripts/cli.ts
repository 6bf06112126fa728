import { getDatabase, type Database } from "@/db";
import { describeError } from "@/lib/describe-error";

/**
 * Runs a command-line task against the database: one clear line on failure instead of a stack
 * trace, and the database always closed, so that the embedded folder is unlocked for the next process.
 * The database is opened and migrated by getDatabase unless `open` says otherwise.
 */
export async function runCli(
  task: (database: Database) => Promise<void>,
  open: () => Promise<Database> = getDatabase,
): Promise<void> {
  let database: Database | undefined;
  try {
    database = await open();
    await task(database);
    await database.close();
  } catch (error) {
    console.error(`Error: ${describeError(error)}`);
    await database?.close().catch(() => undefined);
    process.exit(1);
  }
}
