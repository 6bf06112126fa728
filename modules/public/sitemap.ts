import { desc, eq, inArray, sql } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import { getDatabase, type Db } from "@/db";
import { liveDocuments, topics } from "@/db/schema";
import { publicAgentPath } from "./addresses";
import { publicCacheTag } from "./clock";
import { readEntries } from "./syndication";

export type SitemapUrl = { path: string; lastmod?: Date };

/**
 * Every public page a crawler should know: the indexes, each jurisdiction with a published law,
 * each topic of a published law or article, and every published law, article and agent. Search
 * results are left out: they are pages of other pages.
 */
export async function publicPages(version: number): Promise<SitemapUrl[]> {
  "use cache";
  cacheTag(publicCacheTag);
  cacheLife("days");
  void version;
  const { db } = await getDatabase();
  return readPublicPages(db);
}

/** publicPages' reading, uncached, on a given database (the tests call it directly). */
export async function readPublicPages(db: Db): Promise<SitemapUrl[]> {
  const entries = await readEntries(db, []);
  const lastLaw = entries.find((e) => e.kind === "law")?.updated;
  const newest = sql<Date>`max(${liveDocuments.publishedAt})`.mapWith(liveDocuments.publishedAt);
  const jurisdictions = await db
    .select({ code: liveDocuments.scope, lastmod: newest })
    .from(liveDocuments)
    .where(eq(liveDocuments.itemType, "law"))
    .groupBy(liveDocuments.scope)
    .orderBy(liveDocuments.scope);
  // A topic's id in each live law's and article's snapshot: topics renamed since keep their id.
  const topicIds = await db
    .select({ id: sql<number>`(tag.topic->>'id')::int`.mapWith(Number), lastmod: newest })
    .from(
      sql`${liveDocuments} cross join lateral jsonb_array_elements(${liveDocuments.snapshot}->'topics') as tag(topic)`,
    )
    .where(inArray(liveDocuments.itemType, ["law", "article"]))
    .groupBy(sql`1`);
  const lastmodOf = new Map(topicIds.map((t) => [t.id, t.lastmod]));
  const topicRows = topicIds.length
    ? await db
        .select({ id: topics.id, slug: topics.slug })
        .from(topics)
        .where(inArray(topics.id, [...lastmodOf.keys()]))
        .orderBy(topics.slug)
    : [];
  const agents = await db
    .select({ slug: liveDocuments.slug, lastmod: liveDocuments.publishedAt })
    .from(liveDocuments)
    .where(eq(liveDocuments.itemType, "agent"))
    .orderBy(desc(liveDocuments.publishedAt), liveDocuments.slug);
  const lastTopic = topicIds.reduce<Date | undefined>((a, t) => (a && a > t.lastmod ? a : t.lastmod), undefined);
  return [
    { path: "/", lastmod: entries[0]?.updated },
    { path: "/laws", lastmod: lastLaw },
    { path: "/articles", lastmod: entries.find((e) => e.kind === "article")?.updated },
    { path: "/jurisdictions", lastmod: lastLaw },
    { path: "/topics", lastmod: lastTopic },
    ...jurisdictions.map((j) => ({ path: `/jurisdictions/${j.code.toLowerCase()}`, lastmod: j.lastmod })),
    ...topicRows.map((t) => ({ path: `/topics/${t.slug}`, lastmod: lastmodOf.get(t.id) })),
    ...entries.map((e) => ({ path: e.path, lastmod: e.updated })),
    ...agents.map((a) => ({ path: publicAgentPath(a), lastmod: a.lastmod })),
  ];
}
