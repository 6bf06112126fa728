import { and, asc, eq, inArray } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import { getDatabase, type Db } from "@/db";
import { publicAnnotations } from "@/db/schema";
import type { PublicAnnotationLink } from "@/db/schema/annotations";
import type { AnnotationKind } from "@/db/schema/vocabulary";
import { publicAgentPath, publicArticlePath } from "./addresses";
import { publicCacheTag } from "./clock";
import { publicLawPath } from "./law-view";

/** A published, public annotation anchored on its target's live text: all a reader may see of it. */
export type PublicAnnotation = {
  id: number;
  kind: AnnotationKind;
  body: string;
  target: { type: "law" | "article"; id: number; textId: number | null };
  /** Code points in the plain text of the live text (lib/markdown.ts markdownText). */
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  links: { type: PublicAnnotationLink["type"]; title: string; href: string }[];
  sources: { title: string; url: string | null }[];
  firstPublishedAt: Date;
  publishedAt: Date;
};

type Row = typeof publicAnnotations.$inferSelect;

function linkHref(link: PublicAnnotationLink): string {
  if (link.type === "law") return publicLawPath({ jurisdictionCode: link.scope, slug: link.slug });
  if (link.type === "article") return publicArticlePath(link);
  return publicAgentPath(link);
}

function toPublic(row: Row): PublicAnnotation {
  return {
    id: row.annotationId,
    kind: row.kind,
    body: row.body,
    target: { type: row.targetType as "law" | "article", id: row.targetId, textId: row.textId },
    start: row.start,
    end: row.end,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    links: row.links.map((l) => ({ type: l.type, title: l.title, href: linkHref(l) })),
    sources: row.sources,
    firstPublishedAt: row.firstPublishedAt,
    publishedAt: row.publishedAt,
  };
}

/**
 * The published annotations on a live law or article, in text order. Reads only public_annotations,
 * which publishing writes for public notes anchored on live texts: no draft, internal, drifted or
 * orphaned note is in it. `version` (publicationVersion) keys the cache.
 */
export async function publishedAnnotationsOn(
  target: { type: "law" | "article"; id: number },
  version: number,
): Promise<PublicAnnotation[]> {
  "use cache";
  cacheTag(publicCacheTag);
  cacheLife("days");
  void version;
  return readAnnotationsOn((await getDatabase()).db, target);
}

export async function readAnnotationsOn(db: Db, target: { type: "law" | "article"; id: number }) {
  const rows = await db
    .select()
    .from(publicAnnotations)
    .where(and(eq(publicAnnotations.targetType, target.type), eq(publicAnnotations.targetId, target.id)))
    .orderBy(asc(publicAnnotations.start), asc(publicAnnotations.annotationId));
  return rows.map(toPublic);
}

/** Published annotations by id (for the API); ids that are not public are simply absent. */
export async function publishedAnnotationsById(ids: number[], version: number): Promise<PublicAnnotation[]> {
  "use cache";
  cacheTag(publicCacheTag);
  cacheLife("days");
  void version;
  return readAnnotationsById((await getDatabase()).db, ids);
}

export async function readAnnotationsById(db: Db, ids: number[]): Promise<PublicAnnotation[]> {
  if (ids.length === 0) return [];
  const rows = await db.select().from(publicAnnotations).where(inArray(publicAnnotations.annotationId, ids));
  return rows.map(toPublic);
}
