import { sql } from "drizzle-orm";
import { quote, type Queryable } from "./sql";
import { databaseTables, filledByMigrations } from "./tables";

/** A restore into a database that has content, which it would mix with the file's, or fail on. */
export class DatabaseNotEmptyError extends Error {
  override name = "DatabaseNotEmptyError";
}

/**
 * Refuses a database with rows in any of its tables (those the migrations fill themselves aside),
 * before anything is written to it, migrations included.
 */
export async function refuseUnlessEmpty(db: Queryable): Promise<void> {
  const filled: string[] = [];
  for (const name of await databaseTables(db)) {
    if (filledByMigrations.has(name)) continue;
    const [row] = (await db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${quote(name)}`))).rows;
    if (row!.n > 0) filled.push(`${name} (${row!.n})`);
  }
  if (filled.length > 0) {
    throw new DatabaseNotEmptyError(
      `The database is not empty: ${filled.join(", ")} have rows. A backup is restored only into an empty database ` +
        "(a new DATA_DIR, or a newly created PostgreSQL database); nothing was changed.",
    );
  }
}
