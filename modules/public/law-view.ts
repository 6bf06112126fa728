import type { LawSnapshot } from "@/modules/laws/snapshot";
import type { Discussion } from "./article";
import { placeOnTimeline } from "@/modules/laws/timeline-order";
import { lawYear } from "@/modules/laws/year";

/** Where a published law lives: /laws/kg/its-slug. */
export function publicLawPath(law: { jurisdictionCode: string; slug: string }): string {
  return `/laws/${law.jurisdictionCode.toLowerCase()}/${law.slug}`;
}

export type RelatedLaw = { label: string; note: string; path: string; title: string };

/** A law as its public page renders it, from one revision: the live one, or the working one in preview. */
export function lawView(
  revision: LawSnapshot,
  extra: {
    id: number;
    jurisdictionName: string;
    publishedAt: Date | null;
    related: RelatedLaw[];
    discussions: Discussion[];
    /** The published versions, newest first, and which of them this is (none in preview). */
    versions?: { number: number; publishedAt: Date }[];
    shown?: number;
  },
) {
  return {
    kind: "law" as const,
    id: extra.id,
    slug: revision.slug,
    jurisdictionCode: revision.jurisdictionCode,
    jurisdictionName: extra.jurisdictionName,
    type: revision.type,
    status: revision.status,
    title: revision.title,
    summary: revision.summary,
    publishedAt: extra.publishedAt,
    titles: revision.titles,
    identifiers: revision.identifiers,
    periods: revision.periods,
    topics: revision.topics,
    sources: revision.sources,
    timeline: placeOnTimeline(revision.events),
    related: extra.related,
    discussions: extra.discussions,
    texts: revision.texts,
    year: lawYear(revision),
    versions: extra.versions ?? [],
    shown: extra.shown ?? null,
  };
}

export type PublicLaw = ReturnType<typeof lawView>;
