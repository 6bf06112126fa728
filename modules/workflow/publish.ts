import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { editorialItems, publications, publishedRevisions, revisions } from "@/db/schema";
import type { ContentType } from "@/db/schema/vocabulary";
import { parseLawSnapshot } from "@/modules/laws/snapshot-schema";
import { parseArticleSnapshot } from "@/modules/articles/snapshot-schema";
import { projectArticle, unprojectArticle } from "./project-article";
import { projectAttachments, unprojectAttachments } from "./project-attachments";
import { projectLaw, unprojectLaw } from "./project-law";
import { tickPublicationClock } from "./publication-clock";
import { publicationTags } from "./publication-tags";
import { projectSearch, reprojectArticlesNaming, unprojectSearch } from "./project-search";
import { projectAnnotation, projectAnnotationsOn } from "./project-annotations";
import type { EditorialRow, Snapshot } from "./revise";
import { parseSnapshot } from "./snapshots";

/** Where a published item lives: laws by jurisdiction and slug, everything else by slug. */
export function addressOf(type: ContentType, snapshot: Snapshot): { scope: string; slug: string; title: string } {
  const text = (key: string) => (typeof snapshot[key] === "string" ? (snapshot[key] as string) : "");
  return {
    scope: type === "law" ? text("jurisdictionCode") : "",
    slug: text("slug"),
    title: text("title") || text("preferredName"),
  };
}

/** Makes the working revision live: the one place a publication row is written. */
export async function makeLive(tx: Tx, row: EditorialRow, now: Date): Promise<number> {
  const revisionId = row.workingRevisionId!;
  const [revision] = await tx
    .select({ snapshot: revisions.snapshot, number: revisions.number })
    .from(revisions)
    .where(eq(revisions.id, revisionId));
  const address = addressOf(row.itemType, parseSnapshot(row.itemType, revision!.snapshot));
  const stale = await publicationTags(tx, row, { snapshot: revision!.snapshot as Snapshot, address });
  const [dates] = await tx
    .insert(publications)
    .values({
      itemType: row.itemType,
      itemId: row.itemId,
      revisionId,
      ...address,
      firstPublishedAt: now,
      publishedAt: now,
    })
    .onConflictDoUpdate({
      target: [publications.itemType, publications.itemId],
      set: { revisionId, ...address, publishedAt: now, goneAt: null, mergedIntoId: null },
    })
    .returning({ firstPublishedAt: publications.firstPublishedAt, publishedAt: publications.publishedAt });
  await tx
    .update(editorialItems)
    .set({ review: "published", visibility: "live", liveRevisionId: revisionId, publishAt: null, changedAt: now })
    .where(itemIs(row));
  await tx
    .insert(publishedRevisions)
    .values({ itemType: row.itemType, itemId: row.itemId, number: revision!.number, revisionId, publishedAt: now })
    .onConflictDoNothing();
  if (row.itemType === "law") {
    const law = parseLawSnapshot(revision!.snapshot);
    await projectLaw(tx, row.itemId, revisionId, law, dates!);
    await projectAttachments(tx, { type: "law", id: row.itemId }, revisionId, law.attachments, now);
  }
  if (row.itemType === "article") {
    const article = parseArticleSnapshot(revision!.snapshot);
    await projectArticle(tx, row.itemId, revisionId, article, dates!);
    await projectAttachments(tx, { type: "article", id: row.itemId }, revisionId, article.attachments, now);
  }
  await projectSearch(tx, row.itemType, row.itemId, revisionId, revision!.snapshot, now);
  if (row.itemType === "agent") await reprojectArticlesNaming(tx, row.itemId);
  await projectNotes(tx, row);
  await tickPublicationClock(tx, stale);
  return revisionId;
}

/** Takes an item off the public site: its address answers 410, or redirects to what it merged into. */
export async function takeDown(tx: Tx, row: EditorialRow, now: Date, mergedIntoId: number | null = null) {
  const stale = await publicationTags(tx, row, null);
  await tx
    .update(publications)
    .set({ goneAt: now, mergedIntoId })
    .where(and(eq(publications.itemType, row.itemType), eq(publications.itemId, row.itemId)));
  if (row.itemType === "law") await unprojectLaw(tx, row.itemId);
  if (row.itemType === "article") await unprojectArticle(tx, row.itemId);
  if (row.itemType === "law" || row.itemType === "article")
    await unprojectAttachments(tx, { type: row.itemType, id: row.itemId });
  await unprojectSearch(tx, row.itemType, row.itemId);
  if (row.itemType === "agent") await reprojectArticlesNaming(tx, row.itemId);
  await projectNotes(tx, row);
  await tickPublicationClock(tx, stale);
}

/** Annotations follow their own publication and their target's: each move re-places what readers see. */
async function projectNotes(tx: Tx, row: EditorialRow) {
  if (row.itemType === "annotation") await projectAnnotation(tx, row.itemId);
  else if (row.itemType === "law" || row.itemType === "article")
    await projectAnnotationsOn(tx, { type: row.itemType, id: row.itemId });
}

export function itemIs(row: { itemType: ContentType; itemId: number }) {
  return and(eq(editorialItems.itemType, row.itemType), eq(editorialItems.itemId, row.itemId));
}
