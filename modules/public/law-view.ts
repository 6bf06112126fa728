import type { LawSnapshot } from "@/modules/laws/snapshot";
import type { Discussion } from "./article";
import { placePeriods } from "@/modules/laws/period-order";
import { placeOnTimeline } from "@/modules/laws/timeline-order";
import { lawYear } from "@/modules/laws/year";
import type { Credit } from "./live-agents";
import type { PublicDocument } from "./attachments";

/** Where a published law lives: /laws/kg/its-slug. */
export function publicLawPath(law: { jurisdictionCode: string; slug: string }): string {
  return `/laws/${law.jurisdictionCode.toLowerCase()}/${law.slug}`;
}

/** The agents a law's history names, to look up among the published ones (liveAgents). */
export function eventAgentIds(revision: Pick<LawSnapshot, "events">): number[] {
  return revision.events.flatMap((e) => (e.agentId === null ? [] : [e.agentId]));
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
    /** The published agents among those its history names (liveAgents). */
    agents: Map<number, Credit>;
    /** The published versions, newest first, and which of them this is (none in preview). */
    versions?: { number: number; publishedAt: Date }[];
    shown?: number;
    /** The addresses of sources the history cites beyond the law's own (citedSourceUrls). */
    citedSources?: Map<number, string | null>;
    /** The files readers see beside its texts (documentsOf). */
    documents?: PublicDocument[];
  },
) {
  const sourceUrls = new Map([...(extra.citedSources ?? []), ...revision.sources.map((s) => [s.id, s.url] as const)]);
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
    periods: placePeriods(revision.periods),
    topics: revision.topics,
    sources: revision.sources,
    // A step shows its agent by the agent's own live name, and no agent at all when that is not public.
    // An account's source links to its address: as the law's sources in this revision give it, or
    // as the source itself has it when the law does not list it.
    timeline: placeOnTimeline(revision.events).map((event) => {
      const agent = event.agentId === null ? undefined : extra.agents.get(event.agentId);
      const accounts = event.accounts.map((a) => ({
        ...a,
        sourceUrl: (a.sourceId !== null && sourceUrls.get(a.sourceId)) || null,
      }));
      return {
        ...event,
        accounts,
        agentId: agent?.id ?? null,
        agentName: agent?.name ?? null,
        agentPath: agent?.path ?? null,
      };
    }),
    related: extra.related,
    discussions: extra.discussions,
    texts: revision.texts,
    documents: extra.documents ?? [],
    year: lawYear(revision),
    versions: extra.versions ?? [],
    shown: extra.shown ?? null,
  };
}

export type PublicLaw = ReturnType<typeof lawView>;
