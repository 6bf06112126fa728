import { cacheLife, cacheTag } from "next/cache";
import { getDatabase } from "@/db";
import { apiProblem, jsonRendering } from "@/lib/api/problem";
import type { Rendering } from "@/lib/http/cached-response";
import { publicCacheTag } from "@/modules/public/clock";
import { figureSearchTag, listTag } from "@/modules/public/cache-tags";
import type { SourceListQuery } from "./schemas/source";
import { readSourceList, readSourceRecord } from "./sources";

/*
 * The read API's source answers: they change only when a law or an article is published or
 * withdrawn, or a figure saved or approved (figureSearchTag); editing a source's record changes
 * nothing here until an item cites it anew.
 */
const sourceTags = [publicCacheTag, listTag("law"), listTag("article"), figureSearchTag];

/** GET /api/v1/sources: a page of the sources published items cite. */
export async function sourceListDocument(query: SourceListQuery, origin: string): Promise<Rendering> {
  "use cache";
  cacheTag(...sourceTags);
  cacheLife("days");
  const { db } = await getDatabase();
  return jsonRendering(await readSourceList(db, query, origin));
}

/** GET /api/v1/sources/<id>: one cited source, or 404. */
export async function sourceDocument(id: number, origin: string): Promise<Rendering> {
  "use cache";
  cacheTag(...sourceTags);
  cacheLife("days");
  const { db } = await getDatabase();
  const source = await readSourceRecord(db, id, origin);
  return source ? jsonRendering(source) : noSource;
}

/** Cited only by drafts, by nothing, or not an id at all: the same answer. */
export const noSource = apiProblem(404, "No source a published item cites has this id.");
