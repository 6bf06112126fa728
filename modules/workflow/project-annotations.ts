import { and, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { annotations, publicAnnotations, publications, revisions } from "@/db/schema";
import { plainText } from "@/lib/search/plain-text";
import { annotationKindLabels } from "@/modules/annotations/labels";
import { placeAnnotation, type TextCache } from "@/modules/annotations/placement";
import type { Passage } from "@/modules/annotations/passage";
import { parseAnnotationSnapshot, type AnnotationSnapshot } from "@/modules/annotations/snapshot-schema";
import { publicArticlePath } from "@/modules/public/addresses";
import { publicLawPath } from "@/modules/public/law-view";
import { unprojectSearch, writeSearchRow, type SearchDocument } from "./project-search";

type Target = { type: "law" | "article"; id: number };

type Publication = typeof publications.$inferSelect;
/** What the notes of one text share while they are projected: its prepared text and its publication. */
type Cache = { texts: TextCache; targets: Map<string, Publication | null> };
const newCache = (): Cache => ({ texts: new Map(), targets: new Map() });

async function livePublication(tx: Tx, item: Target, cache: Cache): Promise<Publication | null> {
  const key = `${item.type}:${item.id}`;
  if (!cache.targets.has(key)) {
    const [row] = await tx
      .select()
      .from(publications)
      .where(and(eq(publications.itemType, item.type), eq(publications.itemId, item.id), isNull(publications.goneAt)));
    cache.targets.set(key, row ?? null);
  }
  return cache.targets.get(key)!;
}

/**
 * Writes a live annotation's public row (and its search row) when readers may see it: public, its
 * target live, and its passage anchored on the target's live text. Otherwise takes it out, so a
 * drifted or orphaned note waits for an editor instead of sitting on look-alike text.
 */
export async function projectAnnotation(tx: Tx, annotationId: number, cache: Cache = newCache()): Promise<void> {
  const [live] = await tx
    .select({
      revisionId: publications.revisionId,
      firstPublishedAt: publications.firstPublishedAt,
      publishedAt: publications.publishedAt,
      snapshot: revisions.snapshot,
    })
    .from(publications)
    .innerJoin(revisions, eq(revisions.id, publications.revisionId))
    .where(
      and(eq(publications.itemType, "annotation"), eq(publications.itemId, annotationId), isNull(publications.goneAt)),
    );
  const snapshot = live && parseAnnotationSnapshot(live.snapshot);
  if (!live || !snapshot || snapshot.audience !== "public") return unprojectAnnotation(tx, annotationId);
  const target = await livePublication(tx, snapshot.target, cache);
  if (!target) return unprojectAnnotation(tx, annotationId);
  const placed = await placeAnnotation(
    tx,
    { id: annotationId, revisionId: live.revisionId, snapshot },
    target.revisionId,
    { store: true, texts: cache.texts },
  );
  if (placed.state !== "anchored" || !placed.passage) return unprojectAnnotation(tx, annotationId);
  const { row, search } = publicAnnotationValues(
    { revisionId: live.revisionId, firstPublishedAt: live.firstPublishedAt, publishedAt: live.publishedAt, snapshot },
    target,
    { textId: placed.textId, passage: placed.passage },
  );
  await tx
    .insert(publicAnnotations)
    .values({ annotationId, ...row })
    .onConflictDoUpdate({ target: publicAnnotations.annotationId, set: row });
  await writeSearchRow(tx, "annotation", annotationId, live.revisionId, search, live.publishedAt);
}

/**
 * A live public annotation's public row and search document, placed on its target's live text.
 * Pure: bulk loaders (scripts/synthetic) write the same. The search row's scope names the
 * target's type and its slug the target's page: a hit links to the passage there.
 */
export function publicAnnotationValues(
  live: { revisionId: number; firstPublishedAt: Date; publishedAt: Date; snapshot: AnnotationSnapshot },
  target: Pick<Publication, "itemType" | "revisionId" | "scope" | "slug" | "title">,
  placed: { textId: number | null; passage: Passage },
): { row: Omit<typeof publicAnnotations.$inferInsert, "annotationId">; search: SearchDocument } {
  const { snapshot } = live;
  const row = {
    revisionId: live.revisionId,
    targetType: snapshot.target.type,
    targetId: snapshot.target.id,
    targetRevisionId: target.revisionId,
    textId: placed.textId,
    kind: snapshot.kind,
    body: snapshot.body,
    ...placed.passage,
    links: snapshot.links.map(({ type, id }) => ({ type, id })),
    sources: snapshot.sources.map((s) => ({ title: s.title, url: s.url || null })),
    firstPublishedAt: live.firstPublishedAt,
    publishedAt: live.publishedAt,
  };
  const targetPath =
    target.itemType === "law"
      ? `${publicLawPath({ jurisdictionCode: target.scope, slug: target.slug })}?text=${placed.textId}`
      : publicArticlePath(target);
  const search = {
    scope: target.itemType,
    slug: targetPath,
    title: `${annotationKindLabels[snapshot.kind]} on ${target.title}`,
    kind: snapshot.kind,
    jurisdictionCodes: target.itemType === "law" ? [target.scope] : [],
    names: [],
    summary: placed.passage.exact,
    text: plainText(snapshot.body),
    excerpt: `${plainText(snapshot.body)}\n\n“${placed.passage.exact}”`,
  };
  return { row, search };
}

/** Re-places every live annotation of a target that was just published, withdrawn or archived. */
export async function projectAnnotationsOn(tx: Tx, target: Target): Promise<void> {
  const rows = await tx
    .select({ id: annotations.id })
    .from(annotations)
    .innerJoin(
      publications,
      and(
        eq(publications.itemType, "annotation"),
        eq(publications.itemId, annotations.id),
        isNull(publications.goneAt),
      ),
    )
    .where(and(eq(annotations.targetType, target.type), eq(annotations.targetId, target.id)));
  const cache = newCache();
  // One after another: a transaction's connection runs one query at a time.
  for (const row of rows) await projectAnnotation(tx, row.id, cache);
  // Annotations no longer live may still have rows from before (withdrawn in between): clear them.
  const live = new Set(rows.map((r) => r.id));
  const stale = await tx
    .select({ id: publicAnnotations.annotationId })
    .from(publicAnnotations)
    .where(and(eq(publicAnnotations.targetType, target.type), eq(publicAnnotations.targetId, target.id)));
  for (const row of stale) if (!live.has(row.id)) await unprojectAnnotation(tx, row.id);
}

export async function unprojectAnnotation(tx: Db | Tx, annotationId: number): Promise<void> {
  await tx.delete(publicAnnotations).where(eq(publicAnnotations.annotationId, annotationId));
  await unprojectSearch(tx, "annotation", annotationId);
}
