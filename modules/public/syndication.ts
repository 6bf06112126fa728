import { desc, inArray } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import { getDatabase } from "@/db";
import { liveDocuments } from "@/db/schema";
import type { ArticleSnapshot } from "@/modules/articles/snapshot";
import type { LawSnapshot } from "@/modules/laws/snapshot";
import { publicArticlePath } from "./article";
import { publicCacheTag } from "./clock";
import { publicLawPath } from "./law-view";

export type PublicEntry = {
  kind: "law" | "article";
  path: string;
  title: string;
  summary: string;
  updated: Date;
  published: Date;
};

/**
 * Every published law and article, newest publication first: for the sitemap (all of them) and
 * the feed (the latest). Reads live revisions only.
 */
export async function publishedEntries(version: number, limit?: number): Promise<PublicEntry[]> {
  "use cache";
  cacheTag(publicCacheTag);
  cacheLife("days");
  void version;
  const { db } = await getDatabase();
  const query = db
    .select({
      itemType: liveDocuments.itemType,
      scope: liveDocuments.scope,
      slug: liveDocuments.slug,
      title: liveDocuments.title,
      snapshot: liveDocuments.snapshot,
      publishedAt: liveDocuments.publishedAt,
      firstPublishedAt: liveDocuments.firstPublishedAt,
    })
    .from(liveDocuments)
    .where(inArray(liveDocuments.itemType, ["law", "article"]))
    .orderBy(desc(liveDocuments.publishedAt), desc(liveDocuments.itemId));
  const rows = limit ? await query.limit(limit) : await query;
  return rows.map((row) => {
    const law = row.itemType === "law";
    return {
      kind: law ? "law" : "article",
      path: law ? publicLawPath({ jurisdictionCode: row.scope, slug: row.slug }) : publicArticlePath(row),
      title: row.title,
      summary: law ? (row.snapshot as LawSnapshot).summary : (row.snapshot as ArticleSnapshot).body.slice(0, 2000),
      updated: row.publishedAt,
      published: row.firstPublishedAt,
    };
  });
}
