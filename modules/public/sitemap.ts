import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { liveAddresses, publicLaws, publicTags, topics } from "@/db/schema";
import { publicAgentPath, publicArticlePath } from "./addresses";
import { publicJurisdictionPath } from "./jurisdiction";
import { publicLawPath } from "./law-view";

export type SitemapUrl = { path: string; lastmod?: Date };

// "/", "/laws", "/articles", "/jurisdictions" and "/topics", listed first by readPublicPages.
const indexPageCount = 5;

/** How many pages readPublicPages lists, counted in the database. */
export async function readPublicPageCount(db: Db): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(sql`select
    (select count(*) from ${liveAddresses} where ${liveAddresses.itemType} in ('law', 'article', 'agent'))
    + (select count(distinct ${publicLaws.jurisdictionCode}) from ${publicLaws})
    + (select count(*) from ${topics} where exists (select 1 from ${publicTags}
        where ${publicTags.vocabulary} = 'topic' and ${publicTags.value} = ${topics.id}::text and ${publicTags.direct}))
    + ${indexPageCount} as n`);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Every public page a crawler should know: the indexes, each jurisdiction with a published law,
 * each topic of a published law or article, and every published law, article and agent. Search
 * results are left out: they are pages of other pages. Uncached: sitemapDocument caches what it renders.
 */
export async function readPublicPages(db: Db): Promise<SitemapUrl[]> {
  // Addresses and dates only, from the publications themselves: no snapshot is read.
  const items = await db
    .select({
      type: liveAddresses.itemType,
      scope: liveAddresses.scope,
      slug: liveAddresses.slug,
      lastmod: liveAddresses.publishedAt,
    })
    .from(liveAddresses)
    .where(inArray(liveAddresses.itemType, ["law", "article", "agent"]))
    .orderBy(desc(liveAddresses.publishedAt), desc(liveAddresses.itemId));
  const newestOf = (type: string) => items.find((i) => i.type === type)?.lastmod;
  const lastLaw = newestOf("law");
  const lastArticle = newestOf("article");
  const jurisdictions = await db
    .select({
      code: publicLaws.jurisdictionCode,
      lastmod: sql<Date>`max(${publicLaws.publishedAt})`.mapWith(publicLaws.publishedAt),
    })
    .from(publicLaws)
    .groupBy(publicLaws.jurisdictionCode)
    .orderBy(publicLaws.jurisdictionCode);
  // The topics live laws and articles are tagged with (by id: topics renamed since keep it).
  const topicRows = await db
    .select({
      slug: topics.slug,
      lastmod: sql<Date>`max(${publicTags.publishedAt})`.mapWith(publicTags.publishedAt),
    })
    .from(publicTags)
    .innerJoin(topics, sql`${topics.id}::text = ${publicTags.value}`)
    .where(and(eq(publicTags.vocabulary, "topic"), eq(publicTags.direct, true)))
    .groupBy(topics.id, topics.slug)
    .orderBy(topics.slug);
  const lastTopic = topicRows.reduce<Date | undefined>((a, t) => (a && a > t.lastmod ? a : t.lastmod), undefined);
  return [
    { path: "/", lastmod: lastLaw && lastArticle && lastArticle > lastLaw ? lastArticle : (lastLaw ?? lastArticle) },
    { path: "/laws", lastmod: lastLaw },
    { path: "/articles", lastmod: lastArticle },
    { path: "/jurisdictions", lastmod: lastLaw },
    { path: "/topics", lastmod: lastTopic },
    ...jurisdictions.map((j) => ({ path: publicJurisdictionPath(j), lastmod: j.lastmod })),
    ...topicRows.map((t) => ({ path: `/topics/${t.slug}`, lastmod: t.lastmod })),
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
