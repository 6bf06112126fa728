import { cacheLife, cacheTag } from "next/cache";
import { getDatabase } from "@/db";
import { apiMoved, apiProblem, jsonRendering } from "@/lib/api/problem";
import type { Rendering } from "@/lib/http/cached-response";
import { publicCacheTag } from "@/modules/public/clock";
import { addressTag, itemTag, listTag, vocabularyTag } from "@/modules/public/cache-tags";
import { readArticleList, readArticleRecord } from "./articles";
import type { ArticleListQuery } from "./schemas/article";

/*
 * The read API's article answers, each rendered once for every client until a publication changes
 * it: tagged as the public /articles index and article page are (modules/public/articles-index.ts,
 * article.ts), and with the agents they name.
 */

/** GET /api/v1/articles: a page of published articles. */
export async function articleListDocument(query: ArticleListQuery, origin: string): Promise<Rendering> {
  "use cache";
  // Laws and vocabulary: the topic and jurisdiction filters reach through the laws articles discuss.
  cacheTag(publicCacheTag, listTag("article"), listTag("law"), listTag("agent"), vocabularyTag);
  cacheLife("days");
  const { db } = await getDatabase();
  return jsonRendering(await readArticleList(db, query, origin));
}

/** GET /api/v1/articles/<slug>: one published article; 308 from an old address, 410 once withdrawn, else 404. */
export async function articleDocument(slug: string, origin: string): Promise<Rendering> {
  "use cache";
  cacheTag(publicCacheTag, addressTag("article", "", slug), vocabularyTag);
  cacheLife("days");
  const { db } = await getDatabase();
  const found = await readArticleRecord(db, slug, origin);
  if (!found) return noArticle;
  if (found.kind === "gone") return apiProblem(410, "This article was withdrawn from the archive.");
  if (found.kind === "moved") return apiMoved(found.api, "This article has moved to another address.");
  cacheTag(itemTag("article", found.id));
  return jsonRendering(found.article);
}

/** Unpublished, never existed, or not an address at all: the same answer. */
export const noArticle = apiProblem(404, "No published article has this address.");
