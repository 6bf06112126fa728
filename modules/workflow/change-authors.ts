import { and, eq, gt, isNotNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/db";
import { editorialItems, revisions } from "@/db/schema";
import { itemIn, itemKey, type ItemKey } from "./item-keys";

const live = alias(revisions, "live");

/**
 * Who wrote the revisions made since each item was last live, keyed by itemKey: none of them may
 * approve or publish that change (the two-person rule). One query for any number of items.
 */
export async function changeAuthorsOf(db: Db | Tx, keys: ItemKey[]): Promise<Map<string, number[]>> {
  const authors = new Map<string, number[]>();
  if (keys.length === 0) return authors;
  const rows = await db
    .selectDistinct({ type: revisions.itemType, id: revisions.itemId, authorId: revisions.authorId })
    .from(revisions)
    .innerJoin(
      editorialItems,
      and(eq(editorialItems.itemType, revisions.itemType), eq(editorialItems.itemId, revisions.itemId)),
    )
    .leftJoin(live, eq(live.id, editorialItems.liveRevisionId))
    .where(
      and(
        itemIn(revisions.itemType, revisions.itemId, keys),
        gt(revisions.number, sql`coalesce(${live.number}, 0)`),
        isNotNull(revisions.authorId),
      ),
    );
  for (const r of rows) {
    const k = itemKey(r.type, r.id);
    authors.set(k, [...(authors.get(k) ?? []), r.authorId!]);
  }
  return authors;
}

/** Who wrote the change of one item since it was last live (changeAuthorsOf, for one item). */
export async function changeAuthors(db: Db | Tx, item: ItemKey): Promise<number[]> {
  return (await changeAuthorsOf(db, [item])).get(itemKey(item.type, item.id)) ?? [];
}
