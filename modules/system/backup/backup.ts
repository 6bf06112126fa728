import fs from "node:fs";
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { backupFormat, backupVersion, type BackupHeader, type TableEntry } from "./format";
import { lineWriter } from "./lines";
import { appliedMigration } from "./migrations";
import { quote, quoteList, type Queryable } from "./sql";
import { describeTables, type Table } from "./tables";
import { readSequences } from "./sequences";

export type BackupOptions = { withPasswordHashes?: boolean };
export type BackupSummary = { tables: TableEntry[]; rows: number; passwordHashes: boolean };

const fetchSize = 1000;

/** Left out of a backup unless asked: a stolen backup must not give away anyone's password hash. */
const secretColumns: Record<string, string[]> = { users: ["password_hash"] };

/**
 * Writes the whole database into one gzip'd JSON Lines file (docs/backup-format.md), read in one
 * REPEATABLE READ transaction so that the file is one consistent moment, and streamed so that the
 * archive is never held in memory. The file appears only once complete.
 */
export async function writeBackup(db: Db, file: string, options: BackupOptions = {}): Promise<BackupSummary> {
  if (fs.existsSync(file)) throw new Error(`${file} already exists: choose another name, or remove it first.`);
  const passwordHashes = options.withPasswordHashes ?? false;
  const out = lineWriter(file);
  try {
    const summary = await db.transaction(async (tx) => {
      // Must come first in the transaction: the snapshot is taken at its first query.
      await tx.execute(sql`set transaction isolation level repeatable read, read only`);
      // Timestamps come out as ISO 8601 in UTC, whatever the server's zone.
      await tx.execute(sql`set local timezone = 'UTC'`);
      const tables = (await describeTables(tx)).map((t) => withoutSecrets(t, passwordHashes));
      const entries = await countRows(tx, tables);
      const header: BackupHeader = {
        format: backupFormat,
        version: backupVersion,
        migration: (await appliedMigration(tx)) ?? "none",
        createdAt: new Date().toISOString(),
        passwordHashes,
        tables: entries,
        sequences: await readSequences(tx, tables),
      };
      await out.write(JSON.stringify(header));
      let total = 0;
      for (const table of tables) {
        const rows = entries.find((e) => e.name === table.name)!.rows;
        await out.write(JSON.stringify({ table: table.name, rows }));
        const written = await writeRows(tx, table, out.write);
        if (written !== rows)
          throw new Error(`Table ${table.name} changed while it was read (${rows} rows, then ${written}).`);
        total += written;
      }
      await out.write(JSON.stringify({ end: true, rows: total }));
      return { tables: entries, rows: total, passwordHashes };
    });
    await out.finish();
    return summary;
  } catch (error) {
    await out.abort();
    throw error;
  }
}

function withoutSecrets(table: Table, passwordHashes: boolean): Table {
  const secret = passwordHashes ? [] : (secretColumns[table.name] ?? []);
  return { ...table, columns: table.columns.filter((c) => !secret.includes(c)) };
}

async function countRows(tx: Queryable, tables: Table[]): Promise<TableEntry[]> {
  const entries: TableEntry[] = [];
  for (const { name, columns, primaryKey } of tables) {
    const [row] = (await tx.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${quote(name)}`))).rows;
    entries.push({ name, columns, primaryKey, rows: row!.n });
  }
  return entries;
}

/**
 * Each row as PostgreSQL itself writes it in JSON (row_to_json), in primary-key order: exact
 * digits for bigint and numeric, timestamps to the microsecond, bytea as \x hex, arrays and jsonb as
 * JSON. The text goes to the file as it came, never through a JavaScript number.
 */
async function writeRows(tx: Queryable, table: Table, write: (line: string) => Promise<void>): Promise<number> {
  const cursor = quote(`backup_${table.name}`);
  await tx.execute(
    sql.raw(
      `declare ${cursor} no scroll cursor for select row_to_json(r)::text as line from ` +
        `(select ${quoteList(table.columns)} from ${quote(table.name)}) r order by ${quoteList(table.primaryKey, "r.")}`,
    ),
  );
  let written = 0;
  for (;;) {
    const { rows } = await tx.execute<{ line: string }>(sql.raw(`fetch forward ${fetchSize} from ${cursor}`));
    // One write per batch: a write per row costs more than the row.
    if (rows.length > 0) await write(rows.map((r) => r.line).join("\n"));
    written += rows.length;
    if (rows.length < fetchSize) break;
  }
  await tx.execute(sql.raw(`close ${cursor}`));
  return written;
}
