import { cacheLife, cacheTag } from "next/cache";
import { jsonType } from "@/lib/api/problem";
import { rendering, type Rendering } from "@/lib/http/cached-response";
import { encodeCursor } from "@/lib/api/cursor";
import { getDatabase } from "@/db";
import { publicAnnotations } from "@/db/schema";
import { readAnnotationPage, readAnnotationsById, readAnnotationsOn, readTarget, targetAddress } from "./annotations";
import { harvestConditions, pageOf } from "./api/pages";
import type { AnnotationListQuery } from "./api/schemas/annotation";
import { pageLimit } from "./api/schemas/common";
import { publicCacheTag } from "./clock";
import { addressTag, itemTag, listTag } from "./cache-tags";
import { annotationCollection, annotationPage, webAnnotation, webAnnotationType } from "./web-annotation";

/*
 * The read API's answers (/api/v1/annotations), each rendered once for every client until a
 * publication changes it. Tagged with the law or article the notes are on: publishing or
 * withdrawing a note expires its target's tag (modules/workflow/publication-tags.ts), and so does
 * republishing the target, which places its notes again.
 */

/** The published public annotations on the page at `address`, as a W3C AnnotationCollection; 404 when nothing is published there. */
export async function annotationsOnDocument(address: string, origin: string): Promise<Rendering> {
  "use cache";
  cacheTag(publicCacheTag);
  cacheLife("days");
  const named = targetAddress(address);
  // Whatever comes to be published at the address, or leaves it, expires its tag.
  if (named) cacheTag(addressTag(named.type, named.scope, named.slug));
  const { db } = await getDatabase();
  const target = await readTarget(db, address);
  if (!target) return apiError(404, "No published law or article has this address.");
  const all = await readAnnotationsOn(db, { type: target.type, id: target.id });
  const items = target.textId === null ? all : all.filter((a) => a.target.textId === target.textId);
  cacheTag(itemTag(target.type, target.id));
  const self = `${origin}/api/v1/annotations?target=${encodeURIComponent(address)}`;
  const collection = annotationCollection(items, origin, self, `Annotations on ${target.title}`);
  return rendering(JSON.stringify(collection), webAnnotationType);
}

/**
 * A page of every published public annotation, by publication time then id, as a W3C
 * AnnotationPage: what a harvester or the static mirror walks, 100 at a time, rather than asking
 * page by page. A note's publication or withdrawal, and its target's, expire it.
 */
export async function annotationListDocument(query: AnnotationListQuery, origin: string): Promise<Rendering> {
  "use cache";
  cacheTag(publicCacheTag, listTag("annotation"), listTag("law"), listTag("article"));
  cacheLife("days");
  const { db } = await getDatabase();
  const order = { publishedAt: publicAnnotations.publishedAt, id: publicAnnotations.annotationId };
  const rows = await readAnnotationPage(db, harvestConditions(order, query), query.limit + 1);
  const { page, next } = pageOf(rows, query, { origin, path: "/annotations", filters: {} });
  const self = new URLSearchParams();
  if (query.updated_since) self.set("updated_since", query.updated_since);
  if (query.limit !== pageLimit.default) self.set("limit", String(query.limit));
  if (query.cursor) self.set("cursor", encodeCursor(query.cursor));
  const id = `${origin}/api/v1/annotations${self.size ? `?${self}` : ""}`;
  return rendering(JSON.stringify(annotationPage(page, origin, id, next)), webAnnotationType);
}

/** One published public annotation, as a W3C Web Annotation; 404 for any id that is not one. */
export async function annotationDocument(id: number, origin: string): Promise<Rendering> {
  "use cache";
  cacheTag(publicCacheTag, itemTag("annotation", id));
  cacheLife("days");
  const [found] = await readAnnotationsById((await getDatabase()).db, [id]);
  // A published note whose target is not live yet comes out when its law or article is published.
  if (!found) {
    cacheTag(listTag("law"), listTag("article"));
    return notPublished;
  }
  cacheTag(itemTag(found.target.type, found.target.id));
  return rendering(JSON.stringify(webAnnotation(found, origin)), webAnnotationType);
}

/**
 * An error of the annotations API: the read API's problem (lib/api/problem.ts), with the message
 * also as `error`, the one field this API's errors had before the rest of the API came.
 */
export function apiError(status: number, message: string): Rendering {
  return rendering(JSON.stringify({ status, message, error: message }), jsonType, status);
}

/** A refusal of the read API (a bad list parameter) as this API's errors are, with `error`. */
export function asAnnotationError(problem: Rendering): Rendering {
  const { status, message } = JSON.parse(problem.body) as { status: number; message: string };
  return apiError(status, message);
}

/** Drafts, internal notes and withdrawn ones answer exactly like ids that never existed, or that are no id. */
export const notPublished = apiError(404, "No published annotation has this id.");
