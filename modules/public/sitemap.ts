import { desc, eq, inArray, sql } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import { getDatabase, type Db } from "@/db";
import { liveDocuments, topics } from "@/db/schema";
import { publicAgentPath, publicArticlePath } from "./addresses";
import { publicCacheTag } from "./clock";
import { publicJurisdictionPath } from "./jurisdiction";
import { publicLawPath } from "./law-view";

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
  // Addresses and dates only: snapshots (a law's full texts among them) stay in the database.
  const items = await db
    .select({
      type: liveDocuments.itemType,
      scope: liveDocuments.scope,
      slug: liveDocuments.slug,
      lastmod: liveDocuments.publishedAt,
    })
    .from(liveDocuments)
    .where(inArray(liveDocuments.itemType, ["law", "article", "agent"]))
    .orderBy(desc(liveDocuments.publishedAt), desc(liveDocuments.itemId));
  const newestOf = (type: string) => items.find((i) => i.type === type)?.lastmod;
  const lastLaw = newestOf("law");
  const lastArticle = newestOf("article");
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
  const lastTopic = topicIds.reduce<Date | undefined>((a, t) => (a && a > t.lastmod ? a : t.lastmod), undefined);
  return [
    { path: "/", lastmod: lastLaw && lastArticle && lastArticle > lastLaw ? lastArticle : (lastLaw ?? lastArticle) },
    { path: "/laws", lastmod: lastLaw },
    { path: "/articles", lastmod: lastArticle },
    { path: "/jurisdictions", lastmod: lastLaw },
    { path: "/topics", lastmod: lastTopic },
    ...jurisdictions.map((j) => ({ path: publicJurisdictionPath(j), lastmod: j.lastmod })),
    ...topicRows.map((t) => ({ path: `/topics/${t.slug}`, lastmod: lastmodOf.get(t.id) })),
    ...items.map((i) => ({ path: pathOf(i), lastmod: i.lastmod })),
  ];
}

function pathOf(item: { type: string; scope: string; slug: string }): string {
  if (item.type === "law") return publicLawPath({ jurisdictionCode: item.scope, slug: item.slug });
  return item.type === "article" ? publicArticlePath(item) : publicAgentPath(item);
}

/** The protocol's limit of addresses in one sitemap file. */
export const sitemapFileSize = 50_000;

export type SitemapFile = { kind: "urlset"; pages: SitemapUrl[] } | { kind: "index"; files: number };

/**
 * What /sitemap.xml?page=n serves: every page when they fit in one file; past the protocol's
 * limit, an index of numbered files instead (/sitemap.xml itself) and each file's share. Null for
 * a file number that does not exist.
 */
export function sitemapFile(pages: SitemapUrl[], file: number | undefined, size = sitemapFileSize): SitemapFile | null {
  const files = Math.max(1, Math.ceil(pages.length / size));
  if (file === undefined) return files === 1 ? { kind: "urlset", pages } : { kind: "index", files };
  if (!Number.isInteger(file) || file < 1 || file > files || files === 1) return null;
  return { kind: "urlset", pages: pages.slice((file - 1) * size, file * size) };
}
