import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import { migrate } from "@/db/migrate";
import { BackupFileError, type BackupHeader } from "./format";
import { loadTable } from "./load";
import { openBackup } from "./reader";
import { appliedMigration, migrateUpTo, migrationTags } from "./migrations";
import { resetSequences } from "./sequences";
import { quote, type Queryable } from "./sql";
import { checkFileOrder, describeTables, filledByMigrations, leftOut, type Table } from "./tables";
import { refuseUnlessEmpty } from "./empty";

export type RestoreSummary = {
  rows: number;
  tables: number;
  migration: string;
  users: number;
  passwordHashes: boolean;
};

/**
 * Loads a backup file into an empty database, in one transaction: on any error nothing is written
 * (the migrations it applies first excepted). The database is migrated to the file's migration
 * first, and to this code's last one after, so that an older file is upgraded as its data would have been.
 */
export async function restoreBackup(database: Database, file: string): Promise<RestoreSummary> {
  const backup = openBackup(file);
  try {
    const header = await backup.header();
    const target = await checkMigrations(database, header);
    await refuseUnlessEmpty(database.db);
    await migrateUpTo(database, header.migration);
    const tables = await describeTables(database.db);
    checkTables(header, tables);

    const rows = await database.db.transaction(async (tx) => {
      // Again, inside the transaction: a server started on this database meanwhile may have written to it.
      await refuseUnlessEmpty(tx);
      const triggered = await tablesWithTriggers(tx);
      for (const name of triggered) await tx.execute(sql.raw(`alter table ${quote(name)} disable trigger user`));
      let total = 0;
      for (const entry of header.tables) {
        if (filledByMigrations.has(entry.name)) await tx.execute(sql.raw(`delete from ${quote(entry.name)}`));
        await loadTable(
          tx,
          tables.find((t) => t.name === entry.name)!,
          entry,
          backup.rows(entry),
        );
        total += entry.rows;
      }
      await backup.end(total);
      for (const name of triggered) await tx.execute(sql.raw(`alter table ${quote(name)} enable trigger user`));
      await resetSequences(tx, header.sequences, tables);
      return total;
    });
    if (header.migration !== target) await migrate(database);
    return {
      rows,
      tables: header.tables.length,
      migration: header.migration,
      users: header.tables.find((t) => t.name === "users")?.rows ?? 0,
      passwordHashes: header.passwordHashes,
    };
  } finally {
    await backup.close();
  }
}

/** Refuses a file from newer code, or a database already migrated past the file. Returns this code's last migration. */
async function checkMigrations(database: Database, header: BackupHeader): Promise<string> {
  const tags = migrationTags().map((e) => e.tag);
  const fileAt = tags.indexOf(header.migration);
  if (fileAt < 0) {
    throw new BackupFileError(
      `The backup was written by a newer version of Marginalia (its migration ${header.migration} is unknown here): restore it with that version or a later one.`,
    );
  }
  const applied = await appliedMigration(database.db);
  if (applied && tags.indexOf(applied) > fileAt) {
    throw new BackupFileError(
      `The database is migrated past the backup (${applied}, the file is at ${header.migration}): restore into a new, unmigrated database.`,
    );
  }
  return tags[tags.length - 1]!;
}

/** The file must hold exactly the tables this code backs up, in an order they can be loaded in. */
function checkTables(header: BackupHeader, tables: Table[]) {
  const inFile = header.tables.map((t) => t.name);
  const missing = tables.filter((t) => !inFile.includes(t.name)).map((t) => t.name);
  const unknown = inFile.filter((name) => !tables.some((t) => t.name === name) || name in leftOut);
  if (missing.length > 0) throw new BackupFileError(`The backup file lacks table(s) ${missing.join(", ")}.`);
  if (unknown.length > 0) throw new BackupFileError(`The backup file has table(s) ${unknown.join(", ")} unknown here.`);
  checkFileOrder(inFile, tables);
}

/** Tables with triggers of the app's own (counts kept by triggers would be counted twice: the file has them already). */
async function tablesWithTriggers(db: Queryable): Promise<string[]> {
  const { rows } = await db.execute<{ name: string }>(
    sql`select distinct c.relname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
        join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and not t.tgisinternal order by 1`,
  );
  return rows.map((r) => r.name);
}
