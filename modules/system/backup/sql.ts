import type { Db } from "@/db";

/** A quoted SQL identifier. Names come from the database's own catalog, never from a user. */
export function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteList(names: string[], prefix = ""): string {
  return names.map((n) => prefix + quote(n)).join(", ");
}

/** What the backup needs of a database or transaction: raw queries. */
export type Queryable = Pick<Db, "execute">;
