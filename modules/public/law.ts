import { and, desc, eq, sql } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import { getDatabase, type Db } from "@/db";
import { citableRevisions, goneAddresses, jurisdictions, liveDocuments, slugRedirects } from "@/db/schema";
import { lawRelationLabels } from "@/modules/laws/labels";
import type { LawSnapshot } from "@/modules/laws/snapshot";
import { parseLawOutline, parseLawSnapshot } from "@/modules/laws/snapshot-schema";
import { articlesDiscussing } from "./article";
import { publicCacheTag } from "./clock";
import { lawOutline } from "./law-outline";
import { eventAgentIds, lawView, publicLawPath, type RelatedLaw } from "./law-view";
import { liveAgents } from "./live-agents";

export { publicLawPath };

/**
 * A published law as readers see it (its live revision), where its old address now points, or
 * that it was withdrawn. Reads only the live_documents and gone_addresses views: no draft can
 * come out of here. `version` (publicationVersion) keys the cache.
 */
export async function publishedLaw(jurisdictionCode: string, slug: string, version: number, asOf?: number) {
  "use cache";
  cacheTag(publicCacheTag);
  cacheLife("days");
  void version;
  const { db } = await getDatabase();
  return readLaw(db, jurisdictionCode, slug, asOf);
}

export async function readLaw(db: Db, jurisdictionCode: string, slug: string, asOf?: number) {
  const code = jurisdictionCode.toUpperCase();
  const [doc] = await db
    .select({
      itemId: liveDocuments.itemId,
      snapshot: liveDocuments.snapshot,
      publishedAt: liveDocuments.publishedAt,
      jurisdictionName: jurisdictions.name,
    })
    .from(liveDocuments)
    .innerJoin(jurisdictions, eq(jurisdictions.code, liveDocuments.scope))
    .where(and(eq(liveDocuments.itemType, "law"), eq(liveDocuments.scope, code), eq(liveDocuments.slug, slug)));
  if (!doc) return elsewhere(db, code, slug);
  const versions = await db
    .select({ number: citableRevisions.number, publishedAt: citableRevisions.publishedAt })
    .from(citableRevisions)
    .where(and(eq(citableRevisions.itemType, "law"), eq(citableRevisions.itemId, doc.itemId)))
    .orderBy(desc(citableRevisions.publishedAt));
  // An earlier published version, by its number, for citations that name it; only versions that were public.
  const older = asOf !== undefined && asOf !== versions[0]?.number;
  const [cited] = older
    ? await db
        .select({ snapshot: citableRevisions.snapshot, publishedAt: citableRevisions.publishedAt })
        .from(citableRevisions)
        .where(
          and(
            eq(citableRevisions.itemType, "law"),
            eq(citableRevisions.itemId, doc.itemId),
            eq(citableRevisions.number, asOf),
          ),
        )
    : [{ snapshot: doc.snapshot, publishedAt: doc.publishedAt }];
  if (!cited) return null;
  const revision = parseLawSnapshot(cited.snapshot);
  return lawView(revision, {
    id: doc.itemId,
    jurisdictionName: doc.jurisdictionName,
    publishedAt: cited.publishedAt,
    related: await relatedLiveLaws(db, doc.itemId, revision),
    discussions: await articlesDiscussing(db, doc.itemId),
    agents: await liveAgents(db, eventAgentIds(revision)),
    versions,
    shown: older ? asOf : versions[0]?.number,
  });
}

/** Relations of a law with other published laws: its own, and those published laws make to it. */
export async function relatedLiveLaws(db: Db, id: number, revision: LawSnapshot): Promise<RelatedLaw[]> {
  const targets = revision.relations.map((r) => r.toLawId);
  const outgoing = targets.length
    ? await db
        .select({
          itemId: liveDocuments.itemId,
          scope: liveDocuments.scope,
          slug: liveDocuments.slug,
          title: liveDocuments.title,
        })
        .from(liveDocuments)
        .where(and(eq(liveDocuments.itemType, "law"), sql`${liveDocuments.itemId} in ${targets}`))
    : [];
  const incoming = await db
    .select({
      scope: liveDocuments.scope,
      slug: liveDocuments.slug,
      title: liveDocuments.title,
      snapshot: lawOutline,
    })
    .from(liveDocuments)
    .where(
      and(
        eq(liveDocuments.itemType, "law"),
        sql`${liveDocuments.snapshot}->'relations' @> ${JSON.stringify([{ toLawId: id }])}::jsonb`,
      ),
    );
  return [
    ...revision.relations.flatMap((r) => {
      const other = outgoing.find((o) => o.itemId === r.toLawId);
      if (!other) return [];
      return [{ label: lawRelationLabels[r.kind].outgoing, note: r.note, path: pathOf(other), title: other.title }];
    }),
    ...incoming.flatMap((other) =>
      parseLawOutline(other.snapshot)
        .relations.filter((r) => r.toLawId === id)
        .map((r) => ({
          label: lawRelationLabels[r.kind].incoming,
          note: r.note,
          path: pathOf(other),
          title: other.title,
        })),
    ),
  ];
}

const pathOf = (doc: { scope: string; slug: string }) => publicLawPath({ jurisdictionCode: doc.scope, slug: doc.slug });

/** A withdrawn law's address (gone, or merged into another), or an old address of a published one. */
async function elsewhere(db: Db, code: string, slug: string) {
  const [gone] = await db
    .select({ mergedIntoId: goneAddresses.mergedIntoId, goneAt: goneAddresses.goneAt })
    .from(goneAddresses)
    .where(and(eq(goneAddresses.itemType, "law"), eq(goneAddresses.scope, code), eq(goneAddresses.slug, slug)));
  const movedId =
    gone?.mergedIntoId ??
    (gone
      ? null
      : (
          await db
            .select({ itemId: slugRedirects.itemId })
            .from(slugRedirects)
            .where(
              and(eq(slugRedirects.itemType, "law"), eq(slugRedirects.scope, code), eq(slugRedirects.oldSlug, slug)),
            )
        )[0]?.itemId);
  if (movedId) {
    const [moved] = await db
      .select({ scope: liveDocuments.scope, slug: liveDocuments.slug })
      .from(liveDocuments)
      .where(and(eq(liveDocuments.itemType, "law"), eq(liveDocuments.itemId, movedId)));
    if (moved) return { kind: "moved" as const, path: pathOf(moved) };
  }
  if (gone) return { kind: "gone" as const, goneAt: gone.goneAt! };
  return null;
}

export type PublicLawSummary = {
  slug: string;
  jurisdictionCode: string;
  title: string;
  summary: string;
  status: LawSnapshot["status"];
  publishedAt: Date;
};

/** The most recently published laws, newest first. */
export async function latestPublishedLaws(version: number, limit = 10): Promise<PublicLawSummary[]> {
  "use cache";
  cacheTag(publicCacheTag);
  cacheLife("days");
  void version;
  const { db } = await getDatabase();
  const rows = await db
    .select({
      scope: liveDocuments.scope,
      slug: liveDocuments.slug,
      snapshot: lawOutline,
      publishedAt: liveDocuments.publishedAt,
    })
    .from(liveDocuments)
    .where(eq(liveDocuments.itemType, "law"))
    .orderBy(desc(liveDocuments.firstPublishedAt), desc(liveDocuments.itemId))
    .limit(limit);
  return rows.map((row) => {
    const revision = parseLawOutline(row.snapshot);
    return {
      slug: row.slug,
      jurisdictionCode: row.scope,
      title: revision.title,
      summary: revision.summary,
      status: revision.status,
      publishedAt: row.publishedAt,
    };
  });
}
