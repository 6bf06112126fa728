import { sql } from "drizzle-orm";
import { makeJurisdiction } from "./factories";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import { laws } from "@/db/schema";
import { migrate } from "@/db/migrate";
import { createEmptyDatabase } from "./db";

// A fresh database: a new PGlite, or a new database on the server when DATABASE_URL is set.
let database: Database;
beforeAll(async () => {
  database = await createEmptyDatabase();
});
afterAll(() => database.close());

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await database.db.execute(query);
  return result.rows as T[];
}

const appliedMigrations = () =>
  rows<{ hash: string }>(sql`select hash from drizzle.__drizzle_migrations order by id`).then((r) =>
    r.map((m) => m.hash),
  );

test("migrations create the tables and the pg_trgm extension on an empty database", async () => {
  const before = await rows<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public'`,
  );
  expect(before).toEqual([]);

  await migrate(database);

  const tables = await rows<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
  );
  expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["laws", "sign_in_attempts", "users"]));
  const extensions = await rows<{ extname: string }>(sql`select extname from pg_extension where extname = 'pg_trgm'`);
  expect(extensions).toHaveLength(1);
  // The extension works, not only exists: search will rely on similarity().
  const [similar] = await rows<{ s: number }>(sql`select similarity('Zhaparov', 'Japarov') as s`);
  expect(Number(similar?.s)).toBeGreaterThan(0);
  // Emails are unique whatever their case.
  const [index] = await rows<{ indexdef: string }>(
    sql`select indexdef from pg_indexes where indexname = 'users_email_lower_idx'`,
  );
  expect(index?.indexdef).toMatch(/UNIQUE INDEX .* \(lower\(email\)\)/);
});

test("running migrate() again changes nothing and keeps the data", async () => {
  const applied = await appliedMigrations();
  expect(applied.length).toBeGreaterThanOrEqual(2);
  await makeJurisdiction(database.db, "KZ");
  await database.db.insert(laws).values({
    slug: "kept",
    jurisdictionCode: "KZ",
    title: "Kept",
    summary: "Survives a second migrate.",
    status: "bill",
  });

  await migrate(database);
  await migrate(database);

  expect(await appliedMigrations()).toEqual(applied);
  const kept = await database.db.select().from(laws);
  expect(kept.map((l) => l.slug)).toEqual(["kept"]);
});
