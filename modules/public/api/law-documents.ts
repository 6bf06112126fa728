import { cacheLife, cacheTag } from "next/cache";
import { getDatabase } from "@/db";
import { apiMoved, apiProblem, jsonRendering } from "@/lib/api/problem";
import type { Rendering } from "@/lib/http/cached-response";
import { publicCacheTag } from "@/modules/public/clock";
import { addressTag, itemTag, listTag, vocabularyTag } from "@/modules/public/cache-tags";
import { readLawList, readLawRecord } from "./laws";
import type { LawListQuery } from "./schemas/law";

/*
 * The read API's law answers, each rendered once for every client until a publication changes it:
 * tagged as the public /laws index and law page are (modules/public/law-index.ts, law.ts).
 */

/** GET /api/v1/laws: a page of published laws. */
export async function lawListDocument(query: LawListQuery, origin: string): Promise<Rendering> {
  "use cache";
  cacheTag(publicCacheTag, listTag("law"), vocabularyTag);
  cacheLife("days");
  const { db } = await getDatabase();
  return jsonRendering(await readLawList(db, query, origin));
}

/** GET /api/v1/laws/<jurisdiction>/<slug>: one published law; 308 from an old address, 410 once withdrawn, else 404. */
export async function lawDocument(jurisdictionCode: string, slug: string, origin: string): Promise<Rendering> {
  "use cache";
  cacheTag(publicCacheTag, addressTag("law", jurisdictionCode, slug), vocabularyTag);
  cacheLife("days");
  const { db } = await getDatabase();
  const found = await readLawRecord(db, jurisdictionCode, slug, origin);
  if (!found) return noLaw;
  if (found.kind === "gone") return apiProblem(410, "This law was withdrawn from the archive.");
  if (found.kind === "moved") return apiMoved(found.api, "This law has moved to another address.");
  cacheTag(itemTag("law", found.id));
  return jsonRendering(found.law);
}

/** Unpublished, never existed, or not an address at all: the same answer. */
export const noLaw = apiProblem(404, "No published law has this address.");
