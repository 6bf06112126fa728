import { is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import type { Queryable } from "./sql";
import * as schema from "@/db/schema";
import { BackupFileError } from "./format";
import { appliedMigration, migrationTags } from "./migrations";

/** Tables of the app a backup leaves out on purpose, each with why. */
export const leftOut: Readonly<Record<string, string>> = {
  cache_invalidations: "signals between running servers to expire their cached pages; meaningless in another database",
};

/** Tables the migrations themselves fill (a singleton row): a restore replaces their rows. */
export const filledByMigrations: ReadonlySet<string> = new Set(["publication_clock"]);

export type Table = {
  name: string;
  /** Columns that hold data, in the table's order; generated columns are left out (they are derived). */
  columns: string[];
  primaryKey: string[];
  /** Tables this one's foreign keys point to, itself included when it refers to its own rows. */
  references: string[];
};

/** The app's tables, named by the drizzle schema (db/schema), views left out. */
export function schemaTables(): string[] {
  return Object.values(schema)
    .filter((value) => is(value, PgTable))
    .map((table) => getTableConfig(table as PgTable).name)
    .sort();
}

type Row = Record<string, unknown>;
const rowsOf = async <T extends Row>(db: Queryable, query: ReturnType<typeof sql>) => (await db.execute<T>(query)).rows;

/** Base tables of the public schema, as the database has them. */
export async function databaseTables(db: Queryable): Promise<string[]> {
  const rows = await rowsOf<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
  );
  return rows.map((r) => r.name);
}

/**
 * The tables a backup holds, with their columns, keys and references as the database has them, in
 * an order where every table comes after those it refers to. Fails on a table that the schema and
 * the database do not agree on, so that nothing is left out of a backup unnoticed.
 */
export async function describeTables(db: Queryable): Promise<Table[]> {
  const known = schemaTables();
  const present = await databaseTables(db);
  const unknown = present.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `The database has table(s) ${unknown.join(", ")} that the backup does not know (not in db/schema). ` +
        "Add them to the schema, or to the tables left out in modules/system/backup/tables.ts, with why.",
    );
  }
  // A database at an earlier migration has not got the tables later ones add; one at the latest must.
  const missing = known.filter((name) => !present.includes(name));
  if (missing.length > 0 && (await appliedMigration(db)) === migrationTags().at(-1)?.tag)
    throw new Error(`The database lacks table(s) ${missing.join(", ")}: migrate it first.`);

  const names = known.filter((name) => !(name in leftOut) && present.includes(name));
  const [columns, keys, references] = await Promise.all([
    rowsOf<{ table: string; column: string }>(
      db,
      sql`select c.relname as table, a.attname as column from pg_attribute a
          join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
            and a.attgenerated = '' order by c.relname, a.attnum`,
    ),
    rowsOf<{ table: string; column: string }>(
      db,
      sql`select c.relname as table, a.attname as column from pg_index i
          join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
          join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
          where n.nspname = 'public' and i.indisprimary
          order by c.relname, array_position(i.indkey::int2[], a.attnum)`,
    ),
    rowsOf<{ table: string; target: string }>(
      db,
      sql`select distinct c.relname as table, t.relname as target from pg_constraint k
          join pg_class c on c.oid = k.conrelid join pg_class t on t.oid = k.confrelid
          join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and k.contype = 'f'`,
    ),
  ]);
  const tables = names.map((name): Table => {
    const primaryKey = keys.filter((k) => k.table === name).map((k) => k.column);
    if (primaryKey.length === 0)
      throw new Error(`Table ${name} has no primary key: a backup could not order its rows.`);
    return {
      name,
      columns: columns.filter((c) => c.table === name).map((c) => c.column),
      primaryKey,
      references: references.filter((r) => r.table === name).map((r) => r.target),
    };
  });
  return referencedFirst(tables);
}

/** Orders tables so that each follows the tables it refers to (by name among equals, for a stable file). */
function referencedFirst(tables: Table[]): Table[] {
  const ordered: Table[] = [];
  const placed = new Set<string>();
  const pending = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  while (pending.length > 0) {
    const next = pending.findIndex((t) => t.references.every((r) => r === t.name || placed.has(r) || r in leftOut));
    if (next < 0) throw new Error(`Tables ${pending.map((t) => t.name).join(", ")} refer to each other in a cycle.`);
    const [table] = pending.splice(next, 1);
    ordered.push(table!);
    placed.add(table!.name);
  }
  return ordered;
}

/** Checks that a file's tables can be loaded in its order: each after the tables it refers to. */
export function checkFileOrder(fileOrder: string[], tables: Table[]): void {
  const seen = new Set<string>();
  for (const name of fileOrder) {
    const table = tables.find((t) => t.name === name);
    const early = table?.references.find((r) => r !== name && !seen.has(r) && !(r in leftOut));
    if (early) throw new BackupFileError(`The backup file lists table ${name} before ${early}, which it refers to.`);
    seen.add(name);
  }
}
