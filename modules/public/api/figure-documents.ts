import { cacheLife, cacheTag } from "next/cache";
import { getDatabase } from "@/db";
import { apiProblem, jsonRendering } from "@/lib/api/problem";
import type { Rendering } from "@/lib/http/cached-response";
import { publicCacheTag } from "@/modules/public/clock";
import { figureSearchTag, listTag, vocabularyTag } from "@/modules/public/cache-tags";
import { readFigureList, readFigureRecord } from "./figures";
import type { FigureListQuery } from "./schemas/figure";

/*
 * The read API's figure answers. Any figure's save, approval or deletion expires figureSearchTag
 * (modules/figures/save.ts shownOn); a law's publication or withdrawal changes the pages that
 * show a figure, and an admin's edit the names of jurisdictions.
 */
const figureTags = [publicCacheTag, figureSearchTag, listTag("law"), vocabularyTag];

/** GET /api/v1/figures: a page of the approved figures public pages show. */
export async function figureListDocument(query: FigureListQuery, origin: string): Promise<Rendering> {
  "use cache";
  cacheTag(...figureTags);
  cacheLife("days");
  const { db } = await getDatabase();
  return jsonRendering(await readFigureList(db, query, origin));
}

/** GET /api/v1/figures/<id>: one figure readers see, or 404. */
export async function figureDocument(id: number, origin: string): Promise<Rendering> {
  "use cache";
  cacheTag(...figureTags);
  cacheLife("days");
  const { db } = await getDatabase();
  const figure = await readFigureRecord(db, id, origin);
  return figure ? jsonRendering(figure) : noFigure;
}

/** Never approved, changed since, shown on no public page, or not an id at all: the same answer. */
export const noFigure = apiProblem(404, "No figure readers can see has this id.");
