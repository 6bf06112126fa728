import { sql } from "drizzle-orm";
import type { Queryable } from "./sql";
import type { SequenceEntry } from "./format";
import { quote } from "./sql";

type Owned = { table: string; column: string; sequence: string };

/** The identity and serial columns of the public schema, with the sequence behind each. */
async function ownedSequences(db: Queryable): Promise<Owned[]> {
  const { rows } = await db.execute<Owned>(
    sql`select c.relname as table, a.attname as column,
               pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) as sequence
        from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
          and pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) is not null
        order by 1, 2`,
  );
  return rows;
}

/**
 * Where each backed-up table's id sequence stands: the next id after a restore must not be one a
 * deleted row had, which the audit log may still name.
 */
export async function readSequences(db: Queryable, tables: { name: string }[]): Promise<SequenceEntry[]> {
  const entries: SequenceEntry[] = [];
  for (const owned of await ownedSequences(db)) {
    if (!tables.some((t) => t.name === owned.table)) continue;
    const [state] = (
      await db.execute<{ last: string; called: boolean }>(
        sql.raw(`select last_value::text as last, is_called as called from ${owned.sequence}`),
      )
    ).rows;
    entries.push({ table: owned.table, column: owned.column, lastValue: state!.called ? state!.last : null });
  }
  return entries;
}

/**
 * Sets every restored table's sequence past both its highest id and where it stood in the backup,
 * so that new rows get fresh ids.
 */
export async function resetSequences(db: Queryable, saved: SequenceEntry[], tables: { name: string }[]): Promise<void> {
  for (const owned of await ownedSequences(db)) {
    if (!tables.some((t) => t.name === owned.table)) continue;
    const last = saved.find((s) => s.table === owned.table && s.column === owned.column)?.lastValue ?? "0";
    const highest = `greatest(coalesce(max(${quote(owned.column)}), 0), ${BigInt(last).toString()})`;
    await db.execute(
      sql.raw(
        `select setval('${owned.sequence}', greatest(${highest}, 1), ${highest} >= 1) from ${quote(owned.table)}`,
      ),
    );
  }
}
