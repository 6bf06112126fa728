import { and, asc, count, desc, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import { getDatabase, type Db } from "@/db";
import { jurisdictions, liveAddresses, publicLaws, topics } from "@/db/schema";
import { publicCacheTag } from "./clock";
import { listTag, vocabularyTag } from "./cache-tags";
import type { LawFacet, LawFilter, LawIndexQuery } from "./law-index-url";
import { actedIn } from "./live-agents";
import { publicAgentPath } from "./addresses";

export const lawIndexPageSize = 20;

/**
 * One page of published laws under the chosen facets, with every facet's counts under the other
 * facets (so each count says what choosing it would show). Reads only public_laws, the index of
 * live revisions, and the vocabularies. Tagged so that publications expire it.
 */
export async function publishedLawIndex(query: LawIndexQuery) {
  "use cache";
  cacheTag(publicCacheTag, listTag("law"), vocabularyTag);
  // The agent's name, as its own live revision has it.
  if (query.agent) cacheTag(listTag("agent"));
  cacheLife("days");
  const { db } = await getDatabase();
  return readLawIndex(db, query);
}

/**
 * The index's filters as conditions on public_laws, by facet (the read API's list applies the same),
 * and the agent it names, when one is published under that slug.
 */
export async function lawIndexFilters(db: Db, query: Pick<LawIndexQuery, LawFilter>) {
  const [topic] = query.topic
    ? await db.select({ id: topics.id }).from(topics).where(eq(topics.slug, query.topic))
    : [];
  const [agent] = query.agent
    ? await db
        .select({ id: liveAddresses.itemId, slug: liveAddresses.slug, name: liveAddresses.title })
        .from(liveAddresses)
        .where(and(eq(liveAddresses.itemType, "agent"), eq(liveAddresses.slug, query.agent)))
    : [];
  const filters: Partial<Record<LawFilter, SQL>> = {
    ...(query.jurisdiction && { jurisdiction: eq(publicLaws.jurisdictionCode, query.jurisdiction) }),
    ...(query.status && { status: eq(publicLaws.status, query.status) }),
    ...(query.type && { type: eq(publicLaws.type, query.type) }),
    ...(query.year && { year: eq(publicLaws.year, query.year) }),
    // An unknown topic matches nothing, rather than silently showing everything.
    ...(query.topic && { topic: topic ? sql`${publicLaws.topicIds} @> array[${topic.id}]::integer[]` : sql`false` }),
    ...(query.agent && { agent: agent ? actedIn(agent.id, publicLaws.lawId) : sql`false` }),
  };
  return { filters, agent };
}

/** publishedLawIndex's reading, uncached, on a given database (the tests call it directly). */
export async function readLawIndex(db: Db, query: LawIndexQuery) {
  const { filters, agent } = await lawIndexFilters(db, query);
  const where = (except?: LawFacet) =>
    and(...Object.entries(filters).flatMap(([facet, condition]) => (facet === except ? [] : [condition])));
  const order =
    query.sort === "title"
      ? [asc(publicLaws.title), asc(publicLaws.lawId)]
      : query.sort === "year"
        ? [sql`${publicLaws.year} desc nulls last`, asc(publicLaws.title)]
        : [desc(publicLaws.publishedAt), desc(publicLaws.lawId)];

  const [laws, [total], byJurisdiction, byStatus, byType, byYear, byTopic] = await Promise.all([
    db
      .select({
        jurisdictionCode: publicLaws.jurisdictionCode,
        jurisdictionName: jurisdictions.name,
        slug: publicLaws.slug,
        title: publicLaws.title,
        summary: publicLaws.summary,
        type: publicLaws.type,
        status: publicLaws.status,
        year: publicLaws.year,
      })
      .from(publicLaws)
      .innerJoin(jurisdictions, eq(jurisdictions.code, publicLaws.jurisdictionCode))
      .where(where())
      .orderBy(...order)
      .limit(lawIndexPageSize)
      .offset((query.page - 1) * lawIndexPageSize),
    db.select({ n: count() }).from(publicLaws).where(where()),
    db
      .select({ value: publicLaws.jurisdictionCode, label: jurisdictions.name, n: count() })
      .from(publicLaws)
      .innerJoin(jurisdictions, eq(jurisdictions.code, publicLaws.jurisdictionCode))
      .where(where("jurisdiction"))
      .groupBy(publicLaws.jurisdictionCode, jurisdictions.name)
      .orderBy(asc(jurisdictions.name)),
    db
      .select({ value: publicLaws.status, n: count() })
      .from(publicLaws)
      .where(where("status"))
      .groupBy(publicLaws.status),
    db.select({ value: publicLaws.type, n: count() }).from(publicLaws).where(where("type")).groupBy(publicLaws.type),
    db
      .select({ value: publicLaws.year, n: count() })
      .from(publicLaws)
      .where(and(where("year"), isNotNull(publicLaws.year)))
      .groupBy(publicLaws.year)
      .orderBy(desc(publicLaws.year)),
    db
      .select({ id: sql<number>`t.id`, n: sql<number>`count(*)::int` })
      .from(sql`${publicLaws} cross join lateral unnest(${publicLaws.topicIds}) as t(id)`)
      .where(where("topic"))
      .groupBy(sql`t.id`),
  ]);
  const topicNames = byTopic.length
    ? await db
        .select({ id: topics.id, slug: topics.slug, name: topics.name })
        .from(topics)
        .where(
          inArray(
            topics.id,
            byTopic.map((t) => t.id),
          ),
        )
    : [];
  const n = total?.n ?? 0;
  return {
    laws,
    total: n,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(n / lawIndexPageSize)),
    agent: agent ? { name: agent.name, path: publicAgentPath(agent) } : null,
    facets: {
      jurisdiction: byJurisdiction.map((f) => ({ value: f.value, label: f.label, count: f.n })),
      status: byStatus.map((f) => ({ value: f.value, count: f.n })),
      type: byType.map((f) => ({ value: f.value, count: f.n })),
      year: byYear.map((f) => ({ value: String(f.value), count: f.n })),
      topic: topicNames
        .map((t) => ({ value: t.slug, label: t.name, count: byTopic.find((b) => b.id === t.id)?.n ?? 0 }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    },
  };
}

export type LawIndex = Awaited<ReturnType<typeof readLawIndex>>;
