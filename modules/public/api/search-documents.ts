import { cacheLife, cacheTag } from "next/cache";
import { getDatabase } from "@/db";
import { jsonRendering } from "@/lib/api/problem";
import type { Rendering } from "@/lib/http/cached-response";
import { publicCacheTag } from "@/modules/public/clock";
import { figureSearchTag, listTag, vocabularyTag } from "@/modules/public/cache-tags";
import { readSearchResults } from "./search";
import type { SearchApiQuery } from "./schemas/search";

/** GET /api/v1/search: tagged as the /search page's read is (modules/public/search.ts publishedSearch). */
export async function searchDocument(query: SearchApiQuery, origin: string): Promise<Rendering> {
  "use cache";
  cacheTag(
    publicCacheTag,
    listTag("law"),
    listTag("article"),
    listTag("agent"),
    listTag("annotation"),
    figureSearchTag,
    vocabularyTag,
  );
  cacheLife("hours");
  const { db } = await getDatabase();
  return jsonRendering(await readSearchResults(db, query, origin));
}
