import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { cacheLife, cacheTag } from "next/cache";
import { getDatabase, type Db } from "@/db";
import {
  citableRevisions,
  goneAddresses,
  jurisdictions,
  liveAddresses,
  liveDocuments,
  publicLaws,
  publicLinks,
  slugRedirects,
} from "@/db/schema";
import { lawRelationKinds } from "@/db/schema/vocabulary";
import { fromColumns } from "@/lib/partial-date";
import { lawRelationLabels } from "@/modules/laws/labels";
import type { LawSnapshot } from "@/modules/laws/snapshot";
import { parseLawSnapshot } from "@/modules/laws/snapshot-schema";
import { articlesDiscussing } from "./article";
import { documentsOf } from "./attachments";
import { publicCacheTag } from "./clock";
import { addressTag, itemTag, listTag, vocabularyTag } from "./cache-tags";
import type { Milestone } from "./law-chronology";
import { eventAgentIds, lawView, publicLawPath, type RelatedLaw } from "./law-view";
import { citedSourceUrls } from "./cited-sources";
import { liveAgents } from "./live-agents";

export { publicLawPath };

/**
 * A published law as readers see it (its live revision), where its old address now points, or
 * that it was withdrawn. Reads only the live_documents and gone_addresses views: no draft can
 * come out of here. Tagged with its address and its law, which publications expire.
 */
export async function publishedLaw(jurisdictionCode: string, slug: string, asOf?: number) {
  "use cache";
  cacheTag(publicCacheTag, addressTag("law", jurisdictionCode, slug), vocabularyTag);
  cacheLife("days");
  const { db } = await getDatabase();
  const found = await readLaw(db, jurisdictionCode, slug, asOf);
  if (found?.kind === "law") cacheTag(itemTag("law", found.id));
  return found;
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
    citedSources: await citedSourceUrls(db, revision),
    documents: await documentsOf(db, revision.attachments),
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
          itemId: publicLaws.lawId,
          scope: publicLaws.jurisdictionCode,
          slug: publicLaws.slug,
          title: publicLaws.title,
        })
        .from(publicLaws)
        .where(inArray(publicLaws.lawId, targets))
    : [];
  // Relations other published laws make to this one, in each law's own order.
  const incoming = await db
    .select({
      scope: publicLaws.jurisdictionCode,
      slug: publicLaws.slug,
      title: publicLaws.title,
      relation: publicLinks.detail,
    })
    .from(publicLinks)
    .innerJoin(publicLaws, eq(publicLaws.lawId, publicLinks.fromId))
    .where(
      and(
        eq(publicLinks.toType, "law"),
        eq(publicLinks.toId, id),
        eq(publicLinks.kind, "relates"),
        eq(publicLinks.fromType, "law"),
      ),
    )
    .orderBy(asc(publicLinks.fromId), asc(publicLinks.position));
  return [
    ...revision.relations.flatMap((r) => {
      const other = outgoing.find((o) => o.itemId === r.toLawId);
      if (!other) return [];
      return [{ label: lawRelationLabels[r.kind].outgoing, note: r.note, path: pathOf(other), title: other.title }];
    }),
    ...incoming.map((other) => {
      const relation = relationDetail.parse(other.relation);
      return {
        label: lawRelationLabels[relation.kind].incoming,
        note: relation.note,
        path: pathOf(other),
        title: other.title,
      };
    }),
  ];
}

/** A relation as public_links records it (modules/workflow/project-law.ts). */
const relationDetail = z.object({ kind: z.enum(lawRelationKinds), note: z.string() });

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
      .select({ scope: liveAddresses.scope, slug: liveAddresses.slug })
      .from(liveAddresses)
      .where(and(eq(liveAddresses.itemType, "law"), eq(liveAddresses.itemId, movedId)));
    if (moved) return { kind: "moved" as const, path: pathOf(moved) };
  }
  if (gone) return { kind: "gone" as const, goneAt: gone.goneAt! };
  return null;
}

/** A law as the home page lists it: its title, one line of context and its status, not its summary. */
export type PublicLawSummary = {
  slug: string;
  jurisdictionCode: string;
  jurisdictionName: string;
  title: string;
  type: LawSnapshot["type"];
  status: LawSnapshot["status"];
  /** Its adoption (else signature, else first dated step), as law-chronology.ts places it. */
  milestone: Milestone | null;
  publishedAt: Date;
};

/** How many of the latest laws the home page shows; /laws has them all. */
const latestLawsShown = 10;

/**
 * The most recently published laws, newest first, as many as the home page shows. It takes no
 * argument: a number passed here once was the publication clock's, and the home page listed
 * every law as the clock grew.
 */
export async function latestPublishedLaws(): Promise<PublicLawSummary[]> {
  "use cache";
  cacheTag(publicCacheTag, listTag("law"));
  cacheLife("days");
  const { db } = await getDatabase();
  return readLatestLaws(db, latestLawsShown);
}

/** latestPublishedLaws' reading, uncached: public_laws by first publication, through its index. */
export async function readLatestLaws(db: Db, limit = 10): Promise<PublicLawSummary[]> {
  const rows = await db
    .select({
      slug: publicLaws.slug,
      jurisdictionCode: publicLaws.jurisdictionCode,
      jurisdictionName: jurisdictions.name,
      title: publicLaws.title,
      type: publicLaws.type,
      status: publicLaws.status,
      milestoneKind: publicLaws.milestoneKind,
      milestoneDate: publicLaws.milestoneDate,
      milestonePrecision: publicLaws.milestonePrecision,
      milestoneApproximate: publicLaws.milestoneApproximate,
      publishedAt: publicLaws.publishedAt,
    })
    .from(publicLaws)
    .innerJoin(jurisdictions, eq(jurisdictions.code, publicLaws.jurisdictionCode))
    .orderBy(desc(publicLaws.firstPublishedAt), desc(publicLaws.lawId))
    .limit(limit);
  return rows.map(({ milestoneKind, milestoneDate, milestonePrecision, milestoneApproximate, ...law }) => {
    const date = fromColumns(milestoneDate, milestonePrecision, milestoneApproximate);
    return { ...law, milestone: milestoneKind && date ? { kind: milestoneKind, date } : null };
  });
}
