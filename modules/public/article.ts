import { and, eq, inArray, sql } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import { getDatabase, type Db } from "@/db";
import { liveDocuments, publicArticles, publicLaws, publicLinks } from "@/db/schema";
import type { ArticleKind } from "@/db/schema/vocabulary";
import type { ArticleSnapshot } from "@/modules/articles/snapshot";
import { parseArticleSnapshot } from "@/modules/articles/snapshot-schema";
import { publicArticlePath, readAddressRule } from "./addresses";
import { publicCacheTag } from "./clock";
import { addressTag, itemTag, vocabularyTag } from "./cache-tags";
import { publicLawPath } from "./law-view";
import { liveArticleRows } from "./article-rows";
import { agentIdsOf, creditsOf, liveAgents, type Credit } from "./live-agents";
import { documentsOf } from "./attachments";

export { publicArticlePath };

/**
 * A published article as readers see it (its live revision), where its old address now points, or
 * that it was withdrawn. The laws it discusses are linked only when they are published too.
 */
export async function publishedArticle(slug: string) {
  "use cache";
  cacheTag(publicCacheTag, addressTag("article", "", slug), vocabularyTag);
  cacheLife("days");
  const { db } = await getDatabase();
  const found = await readArticle(db, slug);
  if (found?.kind === "article") cacheTag(itemTag("article", found.id));
  return found;
}

/** publishedArticle's reading, uncached, on a given database (the read API's record is built on it). */
export async function readArticle(db: Db, slug: string) {
  const [doc] = await db
    .select({ itemId: liveDocuments.itemId, snapshot: liveDocuments.snapshot, publishedAt: liveDocuments.publishedAt })
    .from(liveDocuments)
    .where(and(eq(liveDocuments.itemType, "article"), eq(liveDocuments.scope, ""), eq(liveDocuments.slug, slug)));
  if (!doc) return readAddressRule(db, { type: "article", slug });
  return articleView(db, doc.itemId, parseArticleSnapshot(doc.snapshot), doc.publishedAt);
}

/**
 * An article revision as its public page renders it (the live one, or the working one in preview).
 * Its authors, publisher and credited agency are the published agents among those it names.
 */
export async function articleView(db: Db, id: number, revision: ArticleSnapshot, publishedAt: Date | null) {
  const agents = await liveAgents(db, agentIdsOf(revision));
  const lawIds = revision.laws.map((l) => l.id);
  const laws = lawIds.length
    ? await db
        .select({
          itemId: publicLaws.lawId,
          scope: publicLaws.jurisdictionCode,
          slug: publicLaws.slug,
          title: publicLaws.title,
        })
        .from(publicLaws)
        .where(inArray(publicLaws.lawId, lawIds))
    : [];
  return {
    kind: "article" as const,
    id,
    articleKind: revision.kind,
    slug: revision.slug,
    title: revision.title,
    body: revision.body,
    lang: revision.lang,
    originalDate: revision.originalDate,
    originalUrl: revision.originalUrl,
    authors: creditsOf(agents, revision.authors),
    publisher: creditsOf(agents, [revision.publisher])[0] ?? null,
    creditedAgent: creditsOf(agents, [revision.creditedAgent])[0] ?? null,
    topics: revision.topics.map((t) => t.name),
    jurisdictions: revision.jurisdictions.map((j) => j.name),
    // What the read API names them by: topics by id (their slugs may change), jurisdictions by code.
    topicIds: revision.topics.map((t) => t.id),
    jurisdictionsByCode: revision.jurisdictions,
    sources: revision.sources.map((s) => s.title),
    // In the order the editor listed them, published ones only.
    laws: lawIds.flatMap((lawId) => {
      const law = laws.find((l) => l.itemId === lawId);
      return law ? [{ title: law.title, path: publicLawPath({ jurisdictionCode: law.scope, slug: law.slug }) }] : [];
    }),
    documents: await documentsOf(db, revision.attachments),
    publishedAt,
  };
}

export type PublicArticle = Awaited<ReturnType<typeof articleView>>;

export type Discussion = {
  kind: ArticleKind;
  title: string;
  path: string;
  authors: Credit[];
  publisher: Credit | null;
};

/**
 * The published articles that discuss a law, for its page: news, commentary, analysis, statements,
 * newest first, found through public_links.
 */
export async function articlesDiscussing(db: Db, lawId: number): Promise<Discussion[]> {
  const rows = await liveArticleRows(
    db,
    sql`${publicArticles.articleId} in (select ${publicLinks.fromId} from ${publicLinks}
      where ${publicLinks.toType} = 'law' and ${publicLinks.toId} = ${lawId}
        and ${publicLinks.kind} = 'discusses' and ${publicLinks.fromType} = 'article')`,
  );
  return rows.map((row) => ({
    kind: row.kind,
    title: row.title,
    path: row.path,
    authors: row.authors,
    publisher: row.publisher,
  }));
}
