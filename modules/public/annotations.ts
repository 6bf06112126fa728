import { and, asc, eq, getTableColumns, inArray } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import { getDatabase, type Db } from "@/db";
import { liveDocuments, publicAnnotations } from "@/db/schema";
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
  /** The target's public page, naming the law text the passage is in. */
  targetPath: string;
  links: { type: PublicAnnotationLink["type"]; title: string; href: string }[];
  sources: { title: string; url: string | null }[];
  firstPublishedAt: Date;
  publishedAt: Date;
};

type Row = typeof publicAnnotations.$inferSelect & { scope: string; slug: string };

const columns = { ...getTableColumns(publicAnnotations), scope: liveDocuments.scope, slug: liveDocuments.slug };
const onLiveTarget = and(
  eq(liveDocuments.itemType, publicAnnotations.targetType),
  eq(liveDocuments.itemId, publicAnnotations.targetId),
);

/** A law or article page, with the law text named so the passage is on the page that opens. */
function targetPath(row: Row): string {
  if (row.targetType === "article") return publicArticlePath(row);
  const path = publicLawPath({ jurisdictionCode: row.scope, slug: row.slug });
  return row.textId === null ? path : `${path}?text=${row.textId}`;
}

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
    targetPath: targetPath(row),
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
    .select(columns)
    .from(publicAnnotations)
    .innerJoin(liveDocuments, onLiveTarget)
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
  const rows = await db
    .select(columns)
    .from(publicAnnotations)
    .innerJoin(liveDocuments, onLiveTarget)
    .where(inArray(publicAnnotations.annotationId, ids));
  return rows.map(toPublic);
}

/** A published law or article named by its public address (`/laws/kg/slug?text=3`, `/articles/slug`, or a full URL). */
export type AnnotationTarget = { type: "law" | "article"; id: number; title: string; textId: number | null };

export async function publishedTarget(address: string, version: number): Promise<AnnotationTarget | null> {
  "use cache";
  cacheTag(publicCacheTag);
  cacheLife("days");
  void version;
  return readTarget((await getDatabase()).db, address);
}

export async function readTarget(db: Db, address: string): Promise<AnnotationTarget | null> {
  let url: URL;
  try {
    url = new URL(address, "http://target.invalid");
  } catch {
    return null;
  }
  const law = /^\/laws\/([a-z0-9-]{1,12})\/([a-z0-9-]{1,200})\/?$/i.exec(url.pathname);
  const article = /^\/articles\/([a-z0-9-]{1,200})\/?$/i.exec(url.pathname);
  const where = law
    ? and(
        eq(liveDocuments.itemType, "law"),
        eq(liveDocuments.scope, law[1]!.toUpperCase()),
        eq(liveDocuments.slug, law[2]!),
      )
    : article
      ? and(eq(liveDocuments.itemType, "article"), eq(liveDocuments.slug, article[1]!))
      : null;
  if (!where) return null;
  const [doc] = await db
    .select({ type: liveDocuments.itemType, id: liveDocuments.itemId, title: liveDocuments.title })
    .from(liveDocuments)
    .where(where);
  if (!doc) return null;
  const text = Number(url.searchParams.get("text"));
  return {
    type: doc.type as "law" | "article",
    id: doc.id,
    title: doc.title,
    textId: law && Number.isSafeInteger(text) && text > 0 ? text : null,
  };
}
