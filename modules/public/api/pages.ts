import { and, eq, gt, gte, or, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { encodeCursor } from "@/lib/api/cursor";
import { pageLimit, type ListPosition } from "./schemas/common";

/*
 * What every list of the read API shares: it is ordered by publication time then id, oldest first,
 * so an item republished while a harvester walks the list moves to its end and is read again
 * rather than missed; `updated_since` and the cursor are conditions on that order.
 */

type Columns = { publishedAt: AnyPgColumn; id: AnyPgColumn };
type Harvest = { updated_since?: string; cursor?: ListPosition; limit: number };

/** The conditions `updated_since` and `cursor` put on a list's rows. */
export function harvestConditions({ publishedAt, id }: Columns, query: Harvest): SQL | undefined {
  const after = query.cursor;
  return and(
    query.updated_since ? gte(publishedAt, new Date(query.updated_since)) : undefined,
    after
      ? or(gt(publishedAt, new Date(after.p)), and(eq(publishedAt, new Date(after.p)), gt(id, after.id)))
      : undefined,
  );
}

/**
 * A page of rows read with `limit + 1`, and the address of the next one (null on the last): the
 * list's address with the same filters and page size, going on from the page's last row.
 */
export function pageOf<T extends { publishedAt: Date; id: number }>(
  rows: T[],
  query: Harvest,
  address: { origin: string; path: string; filters: Record<string, string | number | undefined> },
): { page: T[]; next: string | null } {
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  if (rows.length <= query.limit || !last) return { page, next: null };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...address.filters, updated_since: query.updated_since }))
    if (value !== undefined) params.set(key, String(value));
  if (query.limit !== pageLimit.default) params.set("limit", String(query.limit));
  params.set("cursor", encodeCursor({ p: last.publishedAt.toISOString(), id: last.id }));
  return { page, next: `${address.origin}/api/v1${address.path}?${params}` };
}
