import { cacheLife, cacheTag } from "next/cache";
import { getDatabase } from "@/db";
import { apiProblem, jsonRendering } from "@/lib/api/problem";
import type { Rendering } from "@/lib/http/cached-response";
import { publicCacheTag } from "@/modules/public/clock";
import { figuresTag, listTag, vocabularyTag } from "@/modules/public/cache-tags";
import { readJurisdictionList, readJurisdictionRecord } from "./jurisdictions";

/* The read API's jurisdiction answers, tagged as the /jurisdictions pages are (modules/public/jurisdiction.ts). */

/** GET /api/v1/jurisdictions: every jurisdiction with a published law. */
export async function jurisdictionListDocument(origin: string): Promise<Rendering> {
  "use cache";
  cacheTag(publicCacheTag, listTag("law"), listTag("article"), vocabularyTag);
  cacheLife("days");
  const { db } = await getDatabase();
  return jsonRendering(await readJurisdictionList(db, origin));
}

/** GET /api/v1/jurisdictions/<code>: one jurisdiction (`code` upper case), or 404. */
export async function jurisdictionDocument(code: string, origin: string): Promise<Rendering> {
  "use cache";
  cacheTag(publicCacheTag, listTag("law"), listTag("article"), vocabularyTag, figuresTag({ jurisdictionCode: code }));
  cacheLife("days");
  const { db } = await getDatabase();
  const jurisdiction = await readJurisdictionRecord(db, code, origin);
  return jurisdiction ? jsonRendering(jurisdiction) : noJurisdiction;
}

export const noJurisdiction = apiProblem(404, "No jurisdiction has this address.");
