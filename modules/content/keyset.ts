import { and, asc, desc, gt, isNotNull, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { SortDirection } from "@/lib/list-query";
import { decodeCursor, encodeCursor } from "./cursor";

/** One order an editors' list can be read in. */
export type SortKey<R> = {
  column: AnyPgColumn;
  /** The direction a first click gives: A–Z for names, the life of a law for its status, newest first for times. */
  dir: SortDirection;
  /** How a cursor's text becomes the column's type ("::timestamptz"); none for text. */
  cast?: string;
  /** Whether a cursor's text is a value the column can hold: anything else would reach the query as an error. */
  accepts?: (value: string) => boolean;
  /** The row's value as its cursor carries it: exact, so that the next page starts right after the row. */
  value: (row: R) => string | null;
  /**
   * Rows without a value come last in either direction, read by id in a second pass: one
   * "nulls last" order is one an index on the column cannot serve.
   */
  nullable?: boolean;
};

export type KeysetPage<S, R> = { rows: R[]; nextAfter: string | null; sort: S; dir: SortDirection };

/**
 * One page of a list in any of its sorts and either direction, by keyset: the rows after the
 * cursor's (value, id), the id breaking ties, so that equal values never repeat or skip a row
 * across pages and a page costs the same at row 100,000 as at row 1. `select` runs the list's
 * own query with the filters, keyset and order given.
 */
export async function keysetPage<S extends string, R extends { id: number }>(args: {
  sorts: Record<S, SortKey<R>>;
  id: AnyPgColumn;
  sort: S;
  /** Absent: the sort's own direction. */
  dir?: SortDirection;
  after?: string;
  limit: number;
  filters: SQL[];
  select: (where: SQL | undefined, order: SQL[], limit: number) => Promise<R[]>;
}): Promise<KeysetPage<S, R>> {
  const { sorts, id, sort, limit, filters, select } = args;
  const key = sorts[sort];
  const dir = args.dir ?? key.dir;
  const name = `${sort}.${dir}`;
  const cursor = readCursor(args.after, name, key);
  const order = dir === "asc" ? asc : desc;
  const want = limit + 1;
  const rows: R[] = [];
  if (cursor?.value !== null) {
    const where = key.nullable ? [...filters, isNotNull(key.column)] : [...filters];
    if (cursor) {
      const value = sql`${cursor.value}${sql.raw(key.cast ?? "")}`;
      // The column's own bound first, so that an index on the column alone serves the row comparison.
      where.push(
        dir === "asc"
          ? sql`${key.column} >= ${value} and (${key.column}, ${id}) > (${value}, ${cursor.id})`
          : sql`${key.column} <= ${value} and (${key.column}, ${id}) < (${value}, ${cursor.id})`,
      );
    }
    rows.push(...(await select(and(...where), [order(key.column), order(id)], want)));
  }
  if (key.nullable && rows.length < want) {
    const where = [...filters, isNull(key.column)];
    if (cursor?.value === null) where.push(dir === "asc" ? gt(id, cursor.id) : lt(id, cursor.id));
    rows.push(...(await select(and(...where), [order(id)], want - rows.length)));
  }
  const last = rows[limit - 1];
  const nextAfter = rows.length > limit && last ? writeCursor(name, key.value(last), last.id) : null;
  return { rows: rows.slice(0, limit), nextAfter, sort, dir };
}

/**
 * A cursor names its sort and direction ("title.asc:Zakon"; "date.desc" alone for a row without
 * a value), so one from another order, or edited by hand, starts from the first page instead of
 * skipping rows or failing on a value the column cannot hold.
 */
function readCursor<R>(after: string | undefined, name: string, key: SortKey<R>) {
  const cursor = decodeCursor(after);
  if (!cursor || typeof cursor.sortValue !== "string") return null;
  if (key.nullable && cursor.sortValue === name) return { value: null, id: cursor.id };
  if (!cursor.sortValue.startsWith(`${name}:`)) return null;
  const value = cursor.sortValue.slice(name.length + 1);
  return !key.accepts || key.accepts(value) ? { value, id: cursor.id } : null;
}

function writeCursor(name: string, value: string | null, id: number): string {
  return encodeCursor(value === null ? name : `${name}:${value}`, id);
}
