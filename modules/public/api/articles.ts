import { and, asc, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { publicArticles, topics } from "@/db/schema";
import { publicArticlePath, readArticle, type PublicArticle } from "@/modules/public/article";
import { articleRowColumns, toArticleRows } from "@/modules/public/article-rows";
import { articlesIndexFilter } from "@/modules/public/articles-index";
import type { Credit } from "@/modules/public/live-agents";
import { harvestConditions, pageOf } from "./pages";
import { apiDocuments } from "./schemas/document";
import {
  articleListSchema,
  articleSchema,
  type Article,
  type ArticleList,
  type ArticleListQuery,
} from "./schemas/article";

/** An article's record in the read API: /api/v1/articles/its-slug, beside its page /articles/its-slug. */
export const articleApiPath = (article: { slug: string }) => `/api/v1${publicArticlePath(article)}`;

const credited = (origin: string, credit: Credit | null) => credit && { name: credit.name, url: origin + credit.path };

/**
 * A page of published articles under the /articles filters, by publication time then id, oldest
 * first (see ./pages.ts). Reads only public_articles, the index of live revisions; agents are named
 * only while published.
 */
export async function readArticleList(db: Db, query: ArticleListQuery, origin: string): Promise<ArticleList> {
  const { where } = await articlesIndexFilter(db, query);
  const rows = await db
    .select({ ...articleRowColumns, publishedAt: publicArticles.publishedAt })
    .from(publicArticles)
    .where(
      and(where, harvestConditions({ publishedAt: publicArticles.publishedAt, id: publicArticles.articleId }, query)),
    )
    .orderBy(asc(publicArticles.publishedAt), asc(publicArticles.articleId))
    .limit(query.limit + 1);
  const { kind, topic, jurisdiction, agent } = query;
  const { page, next } = pageOf(rows, query, {
    origin,
    path: "/articles",
    filters: { kind, topic, jurisdiction, agent },
  });
  const listed = await toArticleRows(db, page);
  return articleListSchema.parse({
    data: listed.map((article, i) => ({
      slug: page[i]!.slug,
      kind: article.kind,
      title: article.title,
      lang: article.lang,
      originalDate: article.originalDate,
      authors: article.authors.map((a) => credited(origin, a)),
      publisher: credited(origin, article.publisher),
      creditedAgent: credited(origin, article.creditedAgent),
      publishedAt: page[i]!.publishedAt.toISOString(),
      url: origin + article.path,
      api: origin + articleApiPath(page[i]!),
    })),
    next,
  });
}

export type ArticleRecord =
  { kind: "article"; id: number; article: Article } | { kind: "moved"; api: string } | { kind: "gone" } | null;

/**
 * One published article as its public page shows it (modules/public/article.ts readArticle: the
 * live revision only), where its old address now points, or that it was withdrawn.
 */
export async function readArticleRecord(db: Db, slug: string, origin: string): Promise<ArticleRecord> {
  const found = await readArticle(db, slug);
  if (!found) return null;
  if (found.kind === "gone") return { kind: "gone" };
  if (found.kind === "moved") return { kind: "moved", api: origin + "/api/v1" + found.path };
  return { kind: "article", id: found.id, article: await articleRecord(db, found, origin) };
}

async function articleRecord(db: Db, article: PublicArticle, origin: string): Promise<Article> {
  const topicIds = article.topicIds;
  // Topics by their current slug and name: the vocabulary admins edit outside the workflow.
  const named = topicIds.length
    ? await db
        .select({ slug: topics.slug, name: topics.name })
        .from(topics)
        .where(inArray(topics.id, topicIds))
        .orderBy(asc(topics.name))
    : [];
  return articleSchema.parse({
    slug: article.slug,
    kind: article.articleKind,
    title: article.title,
    lang: article.lang,
    originalDate: article.originalDate,
    authors: article.authors.map((a) => credited(origin, a)),
    publisher: credited(origin, article.publisher),
    creditedAgent: credited(origin, article.creditedAgent),
    publishedAt: article.publishedAt?.toISOString(),
    url: origin + publicArticlePath(article),
    api: origin + articleApiPath(article),
    body: article.body,
    originalUrl: article.originalUrl,
    topics: named,
    jurisdictions: article.jurisdictionsByCode,
    laws: article.laws.map((law) => ({ title: law.title, url: origin + law.path, api: `${origin}/api/v1${law.path}` })),
    sources: article.sources.map((title) => ({ title })),
    documents: apiDocuments(article.documents, origin),
  });
}
