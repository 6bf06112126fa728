import { sql } from "drizzle-orm";
import type { Tx } from "@/db";

/** Tables whose identity the generators fill themselves, so that rows can name each other before they are written. */
export const identityTables = [
  "revisions",
  "topics",
  "sources",
  "agents",
  "agent_names",
  "laws",
  "law_titles",
  "law_identifiers",
  "law_periods",
  "law_period_accounts",
  "law_text_versions",
  "law_events",
  "law_event_accounts",
  "law_relations",
  "articles",
  "annotations",
] as const;
export type IdentityTable = (typeof identityTables)[number];

/** Ids after those already in the database (an --append run continues where the archive stands). */
export class Ids {
  private constructor(private readonly last: Record<IdentityTable, number>) {}

  static async load(tx: Tx): Promise<Ids> {
    const last = {} as Record<IdentityTable, number>;
    for (const table of identityTables) {
      // Past any id the sequence gave out, even for a row deleted since: an old id may live on in a redirect or a key.
      const result = await tx.execute<{ n: number }>(
        sql.raw(
          `select greatest(coalesce(max(id), 0), coalesce(pg_sequence_last_value(pg_get_serial_sequence('${table}', 'id')), 0))::int as n from ${table}`,
        ),
      );
      last[table] = Number(result.rows[0]!.n);
    }
    return new Ids(last);
  }

  next(table: IdentityTable): number {
    return ++this.last[table];
  }

  peek(table: IdentityTable): number {
    return this.last[table];
  }

  /** Moves each identity past the ids given, so the editors' next item gets the next one. */
  async commit(tx: Tx): Promise<void> {
    for (const table of identityTables)
      if (this.last[table] > 0)
        await tx.execute(sql.raw(`select setval(pg_get_serial_sequence('${table}', 'id'), ${this.last[table]})`));
  }
}
