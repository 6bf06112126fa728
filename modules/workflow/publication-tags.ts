import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { publicLinks, publications, revisions } from "@/db/schema";
import { addressesTag, addressTag, itemTag, listTag, vocabularyTag } from "@/modules/public/cache-tags";
import type { EditorialRow, Snapshot } from "./revise";
import { linksOf } from "./unpublished-links";

type Address = { scope: string; slug: string };

/**
 * What a publication or a withdrawal of an item makes stale, to expire on every instance: the
 * item's own pages and address (the old one too), the lists of its type, the pages of the items
 * it links to before and after (a law lists the articles discussing it; an agent page, what names
 * it), and the pages of the items that link to it (they show its name). `next` is the revision
 * going live, null when the item is taken down; `address` is where it goes live.
 */
export async function publicationTags(
  tx: Tx,
  row: EditorialRow,
  next: { snapshot: Snapshot; address: Address } | null,
): Promise<string[]> {
  const type = row.itemType;
  const tags = new Set([itemTag(type, row.itemId), listTag(type)]);
  const [published] = await tx
    .select({ scope: publications.scope, slug: publications.slug, goneAt: publications.goneAt })
    .from(publications)
    .where(and(eq(publications.itemType, type), eq(publications.itemId, row.itemId)));
  const before = published && !published.goneAt ? published : null;
  for (const address of [published, next?.address])
    if (address) tags.add(addressTag(type, address.scope, address.slug));
  if (!before || !next || before.scope !== next.address.scope || before.slug !== next.address.slug)
    tags.add(addressesTag);

  const snapshots = [next?.snapshot, await liveSnapshot(tx, row)].filter((s): s is Snapshot => s !== undefined);
  for (const snapshot of snapshots) for (const ref of linksOf(type, snapshot)) tags.add(itemTag(ref.type, ref.id));
  const linking = await tx
    .select({ type: publicLinks.fromType, id: publicLinks.fromId })
    .from(publicLinks)
    .where(and(eq(publicLinks.toType, type), eq(publicLinks.toId, row.itemId)));
  for (const from of linking) tags.add(itemTag(from.type, from.id));
  // Lists show agents' names (bylines) and laws' titles (what an article discusses).
  if (type === "agent") for (const listed of ["law", "article"] as const) tags.add(listTag(listed));
  if (type === "law") tags.add(listTag("article"));
  return [...tags];
}

/** Topics and jurisdictions: their names show on every page that lists or is tagged with them. */
export const vocabularyTags = [vocabularyTag, listTag("law"), listTag("article"), addressesTag];

async function liveSnapshot(tx: Tx, row: EditorialRow): Promise<Snapshot | undefined> {
  if (row.liveRevisionId === null) return undefined;
  const [live] = await tx
    .select({ snapshot: revisions.snapshot })
    .from(revisions)
    .where(eq(revisions.id, row.liveRevisionId));
  return live?.snapshot as Snapshot | undefined;
}
