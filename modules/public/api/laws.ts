import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { jurisdictions, publicLaws, topics } from "@/db/schema";
import { readLaw } from "@/modules/public/law";
import { lawIndexFilters } from "@/modules/public/law-index";
import { publicLawPath, type PublicLaw } from "@/modules/public/law-view";
import { harvestConditions, pageOf } from "./pages";
import { apiDocuments } from "./schemas/document";
import { lawListSchema, lawSchema, type Law, type LawList, type LawListQuery } from "./schemas/law";

/** A law's record in the read API: /api/v1/laws/kg/its-slug, beside its page /laws/kg/its-slug. */
export const lawApiPath = (law: { jurisdictionCode: string; slug: string }) => `/api/v1${publicLawPath(law)}`;

/**
 * A page of published laws under the /laws facets, by publication time then id, oldest first (see
 * ./pages.ts). Reads only public_laws, the index of live revisions.
 */
export async function readLawList(db: Db, query: LawListQuery, origin: string): Promise<LawList> {
  const { filters } = await lawIndexFilters(db, { ...query, agent: undefined });
  const rows = await db
    .select({
      id: publicLaws.lawId,
      jurisdictionCode: publicLaws.jurisdictionCode,
      jurisdictionName: jurisdictions.name,
      slug: publicLaws.slug,
      title: publicLaws.title,
      summary: publicLaws.summary,
      type: publicLaws.type,
      status: publicLaws.status,
      year: publicLaws.year,
      publishedAt: publicLaws.publishedAt,
    })
    .from(publicLaws)
    .innerJoin(jurisdictions, eq(jurisdictions.code, publicLaws.jurisdictionCode))
    .where(
      and(
        ...Object.values(filters),
        harvestConditions({ publishedAt: publicLaws.publishedAt, id: publicLaws.lawId }, query),
      ),
    )
    .orderBy(asc(publicLaws.publishedAt), asc(publicLaws.lawId))
    .limit(query.limit + 1);
  const { jurisdiction, status, type, year, topic } = query;
  const { page, next } = pageOf(rows, query, {
    origin,
    path: "/laws",
    filters: { jurisdiction, status, type, year, topic },
  });
  return lawListSchema.parse({
    data: page.map((law) => ({
      jurisdiction: { code: law.jurisdictionCode, name: law.jurisdictionName },
      slug: law.slug,
      title: law.title,
      summary: law.summary,
      type: law.type,
      status: law.status,
      year: law.year,
      publishedAt: law.publishedAt.toISOString(),
      url: origin + publicLawPath(law),
      api: origin + lawApiPath(law),
    })),
    next,
  });
}

export type LawRecord =
  { kind: "law"; id: number; law: Law } | { kind: "moved"; api: string } | { kind: "gone" } | null;

/**
 * One published law as its public page shows it (modules/public/law.ts readLaw: the live
 * revision only), where its old address now points, or that it was withdrawn.
 */
export async function readLawRecord(
  db: Db,
  jurisdictionCode: string,
  slug: string,
  origin: string,
): Promise<LawRecord> {
  const found = await readLaw(db, jurisdictionCode, slug);
  if (!found) return null;
  if (found.kind === "gone") return { kind: "gone" };
  if (found.kind === "moved") return { kind: "moved", api: origin + "/api/v1" + found.path };
  return { kind: "law", id: found.id, law: await lawRecord(db, found, origin) };
}

async function lawRecord(db: Db, law: PublicLaw, origin: string): Promise<Law> {
  const topicIds = law.topics.map((t) => t.id);
  // Topics by their current slug and name: the vocabulary admins edit outside the workflow.
  const named = topicIds.length
    ? await db
        .select({ id: topics.id, slug: topics.slug, name: topics.name })
        .from(topics)
        .where(inArray(topics.id, topicIds))
        .orderBy(asc(topics.name))
    : [];
  const sourceUrls = new Map(law.sources.map((s) => [s.id, s.url]));
  const sourceUrl = (id: number | null) => (id !== null && sourceUrls.get(id)) || null;
  return lawSchema.parse({
    jurisdiction: { code: law.jurisdictionCode, name: law.jurisdictionName },
    slug: law.slug,
    title: law.title,
    summary: law.summary,
    type: law.type,
    status: law.status,
    year: law.year,
    publishedAt: law.publishedAt?.toISOString(),
    url: origin + publicLawPath(law),
    api: origin + lawApiPath(law),
    titles: law.titles,
    identifiers: law.identifiers,
    topics: named.map(({ slug, name }) => ({ slug, name })),
    sources: law.sources,
    timeline: law.timeline.map((step) => ({
      ...step,
      agent: step.agentName && step.agentPath ? { name: step.agentName, url: origin + step.agentPath } : null,
    })),
    periods: law.periods.map((period) => ({
      ...period,
      accounts: period.accounts.map((a) => ({ ...a, sourceUrl: sourceUrl(a.sourceId) })),
    })),
    related: law.related.map(({ path, ...other }) => ({ ...other, url: origin + path })),
    texts: law.texts,
    versions: law.versions.map((v) => ({ number: v.number, publishedAt: v.publishedAt.toISOString() })),
    documents: apiDocuments(law.documents, origin),
  });
}
