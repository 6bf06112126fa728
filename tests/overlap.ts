import type { PGlite, Transaction } from "@electric-sql/pglite";
import type { Database } from "@/db";

type Queryable = { query: (...args: never[]) => unknown };

/**
 * Watches the connections that transactions run on, and records every query started while
 * another was still running on the same connection. pg queues such a query today, deprecates it
 * ("Calling client.query() when the client is already executing a query") and will refuse it in
 * pg 9. Both drivers are watched, so the test says the same on PGlite as on PostgreSQL.
 */
export function watchOverlappingQueries(database: Database): { overlaps: string[] } {
  const state = { overlaps: [] as string[] };
  const watched = new WeakSet<object>();
  const watch = (connection: Queryable) => {
    if (watched.has(connection)) return;
    watched.add(connection);
    const query = connection.query.bind(connection) as (...args: unknown[]) => unknown;
    let running = 0;
    connection.query = ((...args: unknown[]) => {
      if (running > 0) state.overlaps.push(describe(args[0]));
      const result = query(...args);
      if (result instanceof Promise) {
        running++;
        // Registered before the caller's await, so it runs before the caller's next query.
        result.then(
          () => running--,
          () => running--,
        );
      }
      return result;
    }) as Queryable["query"];
  };
  if (database.driver === "pg") {
    const pool = database.pool!;
    const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
    // Drizzle takes a transaction's connection with `await pool.connect()`; pool.query uses callbacks.
    pool.connect = ((...args: unknown[]) => {
      if (args.length > 0) return connect(...args);
      return (connect() as Promise<Queryable>).then((client) => {
        watch(client);
        return client;
      });
    }) as typeof pool.connect;
  } else {
    const client = (database.db as unknown as { $client: PGlite }).$client;
    const transaction = client.transaction.bind(client);
    client.transaction = (<T>(callback: (tx: Transaction) => Promise<T>) =>
      transaction((tx) => {
        watch(tx as unknown as Queryable);
        return callback(tx);
      })) as typeof client.transaction;
  }
  return state;
}

function describe(query: unknown): string {
  const text = typeof query === "string" ? query : (query as { text?: string } | null)?.text;
  return String(text ?? query).slice(0, 120);
}
