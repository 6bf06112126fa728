import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { publicLinks, publicSourceCitations, publicTags } from "@/db/schema";
import type { PublicLinkKind } from "@/db/schema/public-projections";
import type { ContentType } from "@/db/schema/vocabulary";

export type Link = {
  kind: PublicLinkKind;
  toType: ContentType;
  toId: number;
  detail?: Record<string, unknown> | null;
};

/** A live item's public_links rows: positions keep the editor's order within each kind. Pure: bulk loaders write the same. */
export function linkRows(fromType: ContentType, fromId: number, links: Link[]): (typeof publicLinks.$inferInsert)[] {
  const positions = new Map<string, number>();
  return links.map((link) => {
    const position = positions.get(link.kind) ?? 0;
    positions.set(link.kind, position + 1);
    return { fromType, fromId, position, ...link, detail: link.detail ?? null };
  });
}

/** Replaces what a live item refers to. */
export async function writeLinks(tx: Db | Tx, fromType: ContentType, fromId: number, links: Link[]): Promise<void> {
  await removeLinks(tx, fromType, fromId);
  const rows = linkRows(fromType, fromId, links);
  // Two instances starting at once may both backfill an item: the same rows, so nothing to add.
  if (rows.length) await tx.insert(publicLinks).values(rows).onConflictDoNothing();
}

export async function removeLinks(tx: Db | Tx, fromType: ContentType, fromId: number): Promise<void> {
  await tx.delete(publicLinks).where(and(eq(publicLinks.fromType, fromType), eq(publicLinks.fromId, fromId)));
}

/** A source as a live item cites it: addresses only where a law's source list records them. */
export type SourceCitation = { sourceId: number; title: string | null; url: string | null; archivedUrl: string | null };

/** A live item's public_source_citations rows, in the item's order. Pure: bulk loaders write the same. */
export function citationRows(
  fromType: ContentType,
  fromId: number,
  citations: SourceCitation[],
  citedAt: Date,
): (typeof publicSourceCitations.$inferInsert)[] {
  return citations.map((citation, position) => ({ fromType, fromId, position, ...citation, citedAt }));
}

/** Replaces the sources a live item cites. */
export async function writeCitations(
  tx: Db | Tx,
  fromType: ContentType,
  fromId: number,
  citations: SourceCitation[],
  citedAt: Date,
): Promise<void> {
  await removeCitations(tx, fromType, fromId);
  const rows = citationRows(fromType, fromId, citations, citedAt);
  if (rows.length) await tx.insert(publicSourceCitations).values(rows).onConflictDoNothing();
}

export async function removeCitations(tx: Db | Tx, fromType: ContentType, fromId: number): Promise<void> {
  await tx
    .delete(publicSourceCitations)
    .where(and(eq(publicSourceCitations.fromType, fromType), eq(publicSourceCitations.fromId, fromId)));
}

export type Tags = { topicIds: number[]; jurisdictionCodes: string[] };

/** The public_tags rows of the topics and jurisdictions a live item is tagged with. Pure: bulk loaders write the same. */
export function directTagRows(
  itemType: ContentType,
  itemId: number,
  tags: Tags,
  publishedAt: Date,
): (typeof publicTags.$inferInsert)[] {
  return [
    ...new Set(tags.topicIds.map((id) => `topic:${id}`)),
    ...new Set(tags.jurisdictionCodes.map((code) => `jurisdiction:${code}`)),
  ].map((key) => {
    const [vocabulary, value] = key.split(/:(.*)/) as ["topic" | "jurisdiction", string];
    return { vocabulary, value, itemType, itemId, direct: true, publishedAt };
  });
}

/** Replaces the topics and jurisdictions a live item is tagged with. */
export async function writeDirectTags(
  tx: Db | Tx,
  itemType: ContentType,
  itemId: number,
  tags: Tags,
  publishedAt: Date,
): Promise<void> {
  await removeTags(tx, itemType, itemId);
  const rows = directTagRows(itemType, itemId, tags, publishedAt);
  if (rows.length) await tx.insert(publicTags).values(rows).onConflictDoNothing();
}

export async function removeTags(tx: Db | Tx, itemType: ContentType, itemId: number): Promise<void> {
  await tx.delete(publicTags).where(and(eq(publicTags.itemType, itemType), eq(publicTags.itemId, itemId)));
}

/**
 * Gives live articles the topics and jurisdictions of the live laws they discuss, as of now: run
 * after an article is projected and after a law it discusses is published, withdrawn or archived,
 * and by bulk loaders (scripts/synthetic) once over all the articles they load.
 */
export async function deriveArticleTags(tx: Db | Tx, articleIds: number[]): Promise<void> {
  if (articleIds.length === 0) return;
  // One parameter however many articles: a bulk load passes tens of thousands.
  const ids = sql`${`{${articleIds.join(",")}}`}::integer[]`;
  await tx
    .delete(publicTags)
    .where(
      and(eq(publicTags.itemType, "article"), sql`${publicTags.itemId} = any(${ids})`, eq(publicTags.direct, false)),
    );
  // Plain SQL: the projection tables' columns by name, each law's topics unnested.
  await tx.execute(sql`insert into public_tags (vocabulary, value, item_type, item_id, direct, published_at)
    select 'topic', t.id::text, 'article'::content_type, l.from_id, false, a.published_at
      from public_links l
      join public_laws pl on pl.law_id = l.to_id
      join public_articles a on a.article_id = l.from_id
      cross join unnest(pl.topic_ids) as t(id)
      where l.from_type = 'article' and l.kind = 'discusses' and l.from_id = any(${ids})
    union
    select 'jurisdiction', pl.jurisdiction_code, 'article'::content_type, l.from_id, false, a.published_at
      from public_links l
      join public_laws pl on pl.law_id = l.to_id
      join public_articles a on a.article_id = l.from_id
      where l.from_type = 'article' and l.kind = 'discusses' and l.from_id = any(${ids})
    on conflict do nothing`);
}

/** The live articles that discuss a law. */
export async function articlesDiscussingLaw(tx: Db | Tx, lawId: number): Promise<number[]> {
  const rows = await tx
    .select({ id: publicLinks.fromId })
    .from(publicLinks)
    .where(
      and(
        eq(publicLinks.toType, "law"),
        eq(publicLinks.toId, lawId),
        eq(publicLinks.kind, "discusses"),
        eq(publicLinks.fromType, "article"),
      ),
    );
  return [...new Set(rows.map((r) => r.id))];
}
