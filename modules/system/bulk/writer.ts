import { sql } from "drizzle-orm";
import type { Tx } from "@/db";

export type Row = Record<string, unknown>;

/**
 * Rows of one table, inserted a few thousand at a time as one JSON parameter unpacked by
 * json_to_recordset: one statement per batch, the same on PGlite and PostgreSQL, and no limit of
 * 65,535 parameters to count against.
 */
export type Table = {
  name: string;
  /** The record's fields and their SQL types ("id int, slug text, snapshot jsonb"). */
  fields: string;
  /** Inserted columns and the expressions that fill them, when not the fields as they are. */
  columns?: string;
  select?: string;
  /** Ids are given (the generators link rows by them), so identity columns take them. */
  identity?: boolean;
  /** Rows already there (a vocabulary shared with the demo content) are left as they are. */
  ignoreExisting?: boolean;
  /**
   * A row whose key (these columns, "id" for most tables) is already there replaces it (an import's
   * changed record), keeping who made it and when.
   */
  replaceOn?: string;
};

const kept = new Set(["id", "created_by_id", "created_at"]);

const maxRows = 2_000;
// A statement's JSON text; long law texts make a few rows big.
const maxChars = 8_000_000;

export class BulkWriter {
  private pending = new Map<Table, { rows: Row[]; chars: number }>();
  readonly counts = new Map<string, number>();

  constructor(private readonly tx: Tx) {}

  async add(table: Table, row: Row): Promise<void> {
    let batch = this.pending.get(table);
    if (!batch) this.pending.set(table, (batch = { rows: [], chars: 0 }));
    batch.rows.push(row);
    batch.chars += approximateSize(row);
    // All tables, parents first: a child's batch fills sooner than its parent's.
    if (batch.rows.length >= maxRows || batch.chars >= maxChars) await this.flush();
  }

  /** Writes every pending row, tables in the order they were first given (parents before children). */
  async flush(): Promise<void> {
    for (const table of this.pending.keys()) await this.flushTable(table);
  }

  private async flushTable(table: Table): Promise<void> {
    const batch = this.pending.get(table);
    if (!batch?.rows.length) return;
    const rows = batch.rows;
    this.pending.set(table, { rows: [], chars: 0 });
    const names = table.fields
      .split(",")
      .map((f) => f.trim().split(/\s+/)[0])
      .join(", ");
    const columns = table.columns ?? names;
    const select = table.select ?? names;
    const conflict = table.ignoreExisting
      ? " on conflict do nothing"
      : table.replaceOn
        ? ` on conflict (${table.replaceOn}) do update set ${columns
            .split(", ")
            .filter((c) => !kept.has(c) && !table.replaceOn!.split(", ").includes(c))
            .map((c) => `${c} = excluded.${c}`)
            .join(", ")}`
        : "";
    await this.tx.execute(
      sql`${sql.raw(`insert into ${table.name} (${columns})${table.identity ? " overriding system value" : ""} select ${select} from json_to_recordset(`)}${JSON.stringify(rows)}${sql.raw(`::json) as x(${table.fields})${conflict}`)}`,
    );
    this.counts.set(table.name, (this.counts.get(table.name) ?? 0) + rows.length);
  }
}

function approximateSize(row: Row): number {
  let n = 16;
  for (const value of Object.values(row))
    n += typeof value === "string" ? value.length : typeof value === "object" ? JSON.stringify(value).length : 16;
  return n;
}
