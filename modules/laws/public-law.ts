import { and, asc, eq, isNotNull, lte, or } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import { getDatabase, type Db } from "@/db";
import {
  jurisdictions,
  lawIdentifiers,
  lawPeriods,
  lawRelations,
  laws,
  lawSources,
  lawTitles,
  lawTopics,
  slugRedirects,
  sources,
  topics,
} from "@/db/schema";
import { lawRelationLabels } from "./labels";
import { lawsCacheTag } from "./public";
import { readTimeline } from "./timeline";

/** Where a published law lives: /laws/kg/its-slug. */
export function publicLawPath(law: { jurisdictionCode: string; slug: string }): string {
  return `/laws/${law.jurisdictionCode.toLowerCase()}/${law.slug}`;
}

const isPublished = (now: Date) => and(isNotNull(laws.publishedAt), lte(laws.publishedAt, now));

/**
 * A published law as readers see it, or where its old address now points, or null. Reads only a
 * law that is published, and of its neighbours only the published ones.
 */
export async function publishedLaw(jurisdictionCode: string, slug: string) {
  "use cache";
  cacheTag(lawsCacheTag);
  cacheLife("hours");
  const { db } = await getDatabase();
  const code = jurisdictionCode.toUpperCase();
  const now = new Date();
  const [law] = await db
    .select({ law: laws, jurisdictionName: jurisdictions.name })
    .from(laws)
    .innerJoin(jurisdictions, eq(jurisdictions.code, laws.jurisdictionCode))
    .where(and(eq(laws.jurisdictionCode, code), eq(laws.slug, slug), isPublished(now)));
  if (!law) return movedTo(db, code, slug, now);
  const id = law.law.id;
  return {
    kind: "law" as const,
    id,
    slug: law.law.slug,
    jurisdictionCode: law.law.jurisdictionCode,
    jurisdictionName: law.jurisdictionName,
    type: law.law.type,
    status: law.law.status,
    title: law.law.title,
    summary: law.law.summary,
    updatedAt: law.law.updatedAt,
    titles: await db
      .select({ lang: lawTitles.lang, title: lawTitles.title, preferred: lawTitles.preferred })
      .from(lawTitles)
      .where(eq(lawTitles.lawId, id))
      .orderBy(asc(lawTitles.id)),
    identifiers: await db
      .select({ registry: lawIdentifiers.registry, value: lawIdentifiers.value })
      .from(lawIdentifiers)
      .where(eq(lawIdentifiers.lawId, id)),
    periods: await db
      .select({ startYear: lawPeriods.startYear, endYear: lawPeriods.endYear })
      .from(lawPeriods)
      .where(eq(lawPeriods.lawId, id))
      .orderBy(asc(lawPeriods.startYear)),
    topics: await db
      .select({ slug: topics.slug, name: topics.name })
      .from(lawTopics)
      .innerJoin(topics, eq(topics.id, lawTopics.topicId))
      .where(eq(lawTopics.lawId, id))
      .orderBy(asc(topics.name)),
    sources: await db
      .select({ title: sources.title, url: sources.url, archivedUrl: sources.archivedUrl })
      .from(lawSources)
      .innerJoin(sources, eq(sources.id, lawSources.sourceId))
      .where(eq(lawSources.lawId, id)),
    timeline: await readTimeline(db, id),
    related: await relatedPublishedLaws(db, id, now),
  };
}

async function relatedPublishedLaws(db: Db, id: number, now: Date) {
  const rows = await db
    .select({
      relation: lawRelations,
      other: { slug: laws.slug, jurisdictionCode: laws.jurisdictionCode, title: laws.title },
    })
    .from(lawRelations)
    .innerJoin(
      laws,
      or(
        and(eq(lawRelations.fromLawId, id), eq(laws.id, lawRelations.toLawId)),
        and(eq(lawRelations.toLawId, id), eq(laws.id, lawRelations.fromLawId)),
      ),
    )
    .where(isPublished(now));
  return rows.map(({ relation, other }) => ({
    label: lawRelationLabels[relation.kind][relation.fromLawId === id ? "outgoing" : "incoming"],
    note: relation.note,
    path: publicLawPath(other),
    title: other.title,
  }));
}

/** An old address of a law that is published now. */
async function movedTo(db: Db, code: string, slug: string, now: Date) {
  const [moved] = await db
    .select({ slug: laws.slug, jurisdictionCode: laws.jurisdictionCode })
    .from(slugRedirects)
    .innerJoin(laws, eq(laws.id, slugRedirects.itemId))
    .where(
      and(
        eq(slugRedirects.itemType, "law"),
        eq(slugRedirects.scope, code),
        eq(slugRedirects.oldSlug, slug),
        isPublished(now),
      ),
    );
  return moved ? { kind: "moved" as const, path: publicLawPath(moved) } : null;
}

export type PublishedLaw = Extract<Awaited<ReturnType<typeof publishedLaw>>, { kind: "law" }>;
