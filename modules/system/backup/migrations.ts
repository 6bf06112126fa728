import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import type { Queryable } from "./sql";
import { migrate, migrationsFolder } from "@/db/migrate";

type JournalEntry = { tag: string; when: number };

/** The committed migrations, oldest first (drizzle-kit's journal). */
export function migrationTags(folder = migrationsFolder): JournalEntry[] {
  const file = path.join(folder, "meta", "_journal.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { entries: JournalEntry[] }).entries;
}

/**
 * The tag of the last migration applied to the database, or null when none is. Drizzle records
 * each applied migration by its journal time, which names it.
 */
export async function appliedMigration(db: Queryable): Promise<string | null> {
  const [table] = (
    await db.execute<{ exists: boolean }>(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`)
  ).rows;
  if (!table?.exists) return null;
  const [last] = (
    await db.execute<{ when: string | null }>(
      sql`select max(created_at)::text as when from drizzle.__drizzle_migrations`,
    )
  ).rows;
  if (!last?.when) return null;
  const entry = migrationTags().find((e) => String(e.when) === last.when);
  if (!entry) {
    throw new Error(
      "The database was migrated by a newer version of Marginalia than this one (its last migration is unknown here).",
    );
  }
  return entry.tag;
}

/** Applies the committed migrations up to and including `tag`, from a copy of the folder that ends there. */
export async function migrateUpTo(database: Database, tag: string): Promise<void> {
  const entries = migrationTags();
  const last = entries.findIndex((e) => e.tag === tag);
  if (last < 0) throw new Error(`No migration is named ${tag}.`);
  if (last === entries.length - 1) return migrate(database);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "marginalia-migrations-"));
  try {
    fs.mkdirSync(path.join(folder, "meta"));
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8"));
    journal.entries = journal.entries.slice(0, last + 1);
    fs.writeFileSync(path.join(folder, "meta", "_journal.json"), JSON.stringify(journal));
    for (const entry of entries.slice(0, last + 1)) {
      fs.copyFileSync(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
    }
    await migrate(database, folder);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
