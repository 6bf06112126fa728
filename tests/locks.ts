import { sql } from "drizzle-orm";
import type { Database } from "@/db";

/**
 * Waits until some session of this database waits for a row lock: the moment to let a concurrent
 * transaction commit, so that a test proves what the waiting statement sees after it. PostgreSQL
 * only (PGlite runs one session).
 */
export async function untilSomeoneWaitsForALock(database: Database, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const result = await database.db.execute(
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if ((result.rows[0] as { n: number }).n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("No session started waiting for a lock.");
}

/** Runs `work` in a transaction of its own connection, left open until `commit()` is called. */
export async function openTransaction(database: Database, work: string[], values: unknown[][] = []) {
  const client = await database.pool!.connect();
  await client.query("begin");
  for (const [i, text] of work.entries()) await client.query(text, values[i] ?? []);
  return {
    async commit() {
      try {
        await client.query("commit");
      } finally {
        client.release();
      }
    },
  };
}
