import "server-only";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { dataDir, env } from "@/env";
import { queryLogger } from "@/lib/query-log";
import { acquireDataDirLock } from "./lock";
import { describeConnectionError } from "./errors";
import * as schema from "./schema";

/** Both drivers expose the same query builder; the pg type stands for both. */
export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type Database = {
  db: Db;
  driver: "pg" | "pglite";
  /** Where the data lives, for log lines: a folder or host:port/database. */
  location: string;
  /** The pool behind a PostgreSQL database, for work that needs one connection (migrations). */
  pool?: pg.Pool;
  close(): Promise<void>;
};

export async function openDatabase(options: { databaseUrl?: string; dataDir?: string } = {}): Promise<Database> {
  const databaseUrl = options.databaseUrl ?? env().DATABASE_URL;
  return databaseUrl ? openPostgres(databaseUrl) : openEmbedded(options.dataDir ?? dataDir());
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle client that loses its server must not crash the process.
  pool.on("error", (error) => console.error("PostgreSQL pool error:", error.message));
  const { host, port, database } = describeUrl(url);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(describeConnectionError(error, host, port, database));
  }
  return {
    db: drizzlePg(pool, { schema, casing: "snake_case", logger: queryLogger() }),
    driver: "pg",
    pool,
    location: `${host}:${port}/${database}`,
    close: () => pool.end(),
  };
}

async function openEmbedded(dir: string): Promise<Database> {
  const lock = await acquireDataDirLock(dir);
  try {
    const client = await PGlite.create({ dataDir: path.join(dir, "pglite"), extensions: { pg_trgm } });
    return wrapPglite(client, dir, async () => {
      await client.close();
      lock.release();
    });
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Wraps an already open PGlite (tests open one from a migrated snapshot). */
export function wrapPglite(client: PGlite, location: string, close?: () => Promise<void>): Database {
  return {
    db: drizzlePglite(client, { schema, casing: "snake_case", logger: queryLogger() }) as unknown as Db,
    driver: "pglite",
    location,
    close: close ?? (() => client.close()),
  };
}

function describeUrl(url: string) {
  try {
    const parsed = new URL(url);
    return {
      host: parsed.hostname || "localhost",
      port: parsed.port || "5432",
      database: decodeURIComponent(parsed.pathname.slice(1)) || "postgres",
    };
  } catch {
    return { host: "?", port: "?", database: "?" };
  }
}
