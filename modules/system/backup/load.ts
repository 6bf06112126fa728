import { sql } from "drizzle-orm";
import { BackupFileError, noPasswordHash, type TableEntry } from "./format";
import { quote, quoteList, type Queryable } from "./sql";
import type { Row } from "./reader";
import type { Table } from "./tables";

const batchRows = 1000;
const batchChars = 4_000_000;

/** A row of the file that the database refused, named by table, line and primary key. */
export class RestoreRowError extends Error {
  override name = "RestoreRowError";
}

/** What a restore writes for a column the file leaves out on purpose (a secret the backup did not keep). */
const stand_ins: Record<string, Record<string, string>> = { users: { password_hash: noPasswordHash } };

/**
 * Loads one table's rows in batches of about 1,000 rows or 4 MB. A table that refers to its own
 * rows goes in one statement, whose foreign keys are checked at its end (a row may come before the
 * row it refers to).
 */
export async function loadTable(
  tx: Queryable,
  table: Table,
  entry: TableEntry,
  rows: AsyncIterable<Row>,
): Promise<void> {
  const load = tableLoader(tx, table, entry);
  const selfReferring = table.references.includes(table.name);
  let batch: Row[] = [];
  let chars = 0;
  for await (const row of rows) {
    batch.push(row);
    chars += row.text.length;
    if (!selfReferring && (batch.length >= batchRows || chars >= batchChars)) {
      await load(batch);
      batch = [];
      chars = 0;
    }
  }
  await load(batch);
}

/**
 * Inserts rows in one statement: each batch is one statement, which PostgreSQL turns from
 * the file's JSON into the columns' own types (json_populate_recordset), so values go in exactly as
 * they came out. A batch the database refuses is retried row by row to name the row at fault.
 */
function tableLoader(tx: Queryable, table: Table, entry: TableEntry) {
  const missing = table.columns.filter((c) => !entry.columns.includes(c));
  const unfilled = missing.filter((c) => !stand_ins[table.name]?.[c]);
  if (unfilled.length > 0)
    throw new BackupFileError(`The backup file lacks column(s) ${unfilled.join(", ")} of table ${table.name}.`);
  const extra = entry.columns.filter((c) => !table.columns.includes(c));
  if (extra.length > 0)
    throw new BackupFileError(`The backup file has column(s) ${extra.join(", ")} that table ${table.name} does not.`);

  const values = table.columns
    .map((c) => (missing.includes(c) ? `'${stand_ins[table.name]![c]!.replace(/'/g, "''")}'` : quote(c)))
    .join(", ");
  const statement = (json: string) =>
    sql`${sql.raw(`insert into ${quote(table.name)} (${quoteList(table.columns)}) overriding system value select ${values} from json_populate_recordset(null::${quote(table.name)}, `)}${json}::json)`;

  const insert = (rows: Row[]) => tx.execute(statement(`[${rows.map((r) => r.text).join(",")}]`));

  return async function load(rows: Row[]): Promise<void> {
    if (rows.length === 0) return;
    await tx.execute(sql.raw("savepoint restore_batch"));
    try {
      await insert(rows);
      await tx.execute(sql.raw("release savepoint restore_batch"));
      return;
    } catch (error) {
      await tx.execute(sql.raw("rollback to savepoint restore_batch"));
      if (rows.length === 1) throw rowError(table, rows[0]!, error);
    }
    // One at a time, to find the row at fault (the batch's others may be fine).
    for (const row of rows) {
      try {
        await insert([row]);
      } catch (error) {
        throw rowError(table, row, error);
      }
    }
    throw new RestoreRowError(`Table ${table.name}: a batch was refused, but each of its rows alone was not.`);
  };
}

function rowError(table: Table, row: Row, error: unknown): RestoreRowError {
  const cause = (error as { cause?: unknown }).cause ?? error;
  const message = cause instanceof Error ? cause.message : String(cause);
  let key = "";
  try {
    const values = JSON.parse(row.text) as Record<string, unknown>;
    key = ` (${table.primaryKey.map((c) => `${c} ${JSON.stringify(values[c])}`).join(", ")})`;
  } catch {
    // The line was checked to be JSON before; nothing to add if not.
  }
  return new RestoreRowError(`Table ${table.name}, line ${row.line} of the file${key}: ${message}`, { cause: error });
}
