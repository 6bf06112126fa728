import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { publicLaws } from "@/db/schema";
import type { LawSnapshot } from "@/modules/laws/snapshot";
import { placeOnTimeline } from "@/modules/laws/timeline-order";
import { lawYear } from "@/modules/laws/year";
import { lawMilestone } from "@/modules/public/law-chronology";
import {
  articlesDiscussingLaw,
  deriveArticleTags,
  removeCitations,
  removeLinks,
  removeTags,
  writeCitations,
  writeDirectTags,
  writeLinks,
  type Link,
  type SourceCitation,
  type Tags,
} from "./project-links";

/** When an item first went live and when its live revision did. */
export type PublicationDates = { firstPublishedAt: Date; publishedAt: Date };

/** A law's row of the public index, from the revision that went live. Pure: bulk loaders write the same. */
export function publicLawValues(revisionId: number, revision: LawSnapshot, dates: PublicationDates) {
  const milestone = lawMilestone(revision);
  return {
    revisionId,
    jurisdictionCode: revision.jurisdictionCode,
    slug: revision.slug,
    title: revision.title,
    summary: revision.summary,
    type: revision.type,
    status: revision.status,
    year: lawYear(revision),
    topicIds: revision.topics.map((t) => t.id),
    milestoneKind: milestone?.kind ?? null,
    milestoneDate: milestone?.date.date ?? null,
    milestonePrecision: milestone?.date.precision ?? null,
    milestoneApproximate: milestone?.date.approximate ?? false,
    ...dates,
  };
}

/**
 * Writes a law's row of the public index from the revision that just went live, with whom its
 * timeline names, the laws it relates to, its tags, and the tags of the articles discussing it.
 */
export async function projectLaw(
  tx: Db | Tx,
  lawId: number,
  revisionId: number,
  revision: LawSnapshot,
  dates: PublicationDates,
): Promise<void> {
  const values = publicLawValues(revisionId, revision, dates);
  await tx
    .insert(publicLaws)
    .values({ lawId, ...values })
    .onConflictDoUpdate({ target: publicLaws.lawId, set: values });
  await writeLinks(tx, "law", lawId, lawLinks(revision));
  await writeCitations(tx, "law", lawId, lawCitations(revision), dates.publishedAt);
  await writeDirectTags(tx, "law", lawId, lawTags(revision), dates.publishedAt);
  await deriveArticleTags(tx, await articlesDiscussingLaw(tx, lawId));
}

/** The steps its agents took, in the timeline's order, and the laws it relates to. Pure: bulk loaders write the same. */
export function lawLinks(revision: LawSnapshot): Link[] {
  const acts = placeOnTimeline(revision.events).flatMap((event): Link[] =>
    event.agentId === null
      ? []
      : [
          {
            kind: "actor",
            toType: "agent",
            toId: event.agentId,
            detail: { kind: event.kind, date: event.date, note: event.note },
          },
        ],
  );
  const relations = revision.relations.map((relation): Link => ({
    kind: "relates",
    toType: "law",
    toId: relation.toLawId,
    detail: { kind: relation.kind, note: relation.note },
  }));
  return [...acts, ...relations];
}

/**
 * The sources a law cites: its source list (with their addresses), then the accounts of its
 * timeline, covered periods and texts that name one. Pure: bulk loaders write the same.
 */
export function lawCitations(revision: LawSnapshot): SourceCitation[] {
  const account = (a: { sourceId: number | null; sourceTitle: string | null }): SourceCitation[] =>
    a.sourceId === null ? [] : [{ sourceId: a.sourceId, title: a.sourceTitle, url: null, archivedUrl: null }];
  return [
    ...revision.sources.map((s) => ({ sourceId: s.id, title: s.title, url: s.url, archivedUrl: s.archivedUrl })),
    ...revision.events.flatMap((e) => e.accounts.flatMap(account)),
    ...revision.periods.flatMap((p) => p.accounts.flatMap(account)),
    ...revision.texts.flatMap(account),
  ];
}

/** What a law is tagged with: its topics and its jurisdiction. */
export function lawTags(revision: LawSnapshot): Tags {
  return { topicIds: revision.topics.map((t) => t.id), jurisdictionCodes: [revision.jurisdictionCode] };
}

/** Takes a withdrawn or archived law out of the public index, and out of the articles' tags. */
export async function unprojectLaw(tx: Db | Tx, lawId: number): Promise<void> {
  await tx.delete(publicLaws).where(eq(publicLaws.lawId, lawId));
  await removeLinks(tx, "law", lawId);
  await removeCitations(tx, "law", lawId);
  await removeTags(tx, "law", lawId);
  await deriveArticleTags(tx, await articlesDiscussingLaw(tx, lawId));
}
