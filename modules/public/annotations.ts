import { and, asc, eq, getTableColumns, inArray, or, type SQL } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import { getDatabase, type Db } from "@/db";
import { liveAddresses, publicAnnotations } from "@/db/schema";
import type { PublicAnnotationLink } from "@/db/schema/annotations";
import type { AnnotationKind } from "@/db/schema/vocabulary";
import { parseRecordId } from "@/lib/validation";
import { publicAgentPath, publicArticlePath } from "./addresses";
import { publicCacheTag } from "./clock";
import { itemTag } from "./cache-tags";
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
  links: PublicLink[];
  sources: { title: string; url: string | null }[];
  firstPublishedAt: Date;
  publishedAt: Date;
};

/**
 * A link of a note, to something readers can open now. A link to another note's passage (an
 * article's passage that discusses this one) says which page it is on and quotes it.
 */
export type PublicLink = {
  type: PublicAnnotationLink["type"];
  title: string;
  href: string;
  passage?: { on: "law" | "article"; pageTitle: string; page: string; exact: string; prefix: string; suffix: string };
};

type Row = typeof publicAnnotations.$inferSelect & { scope: string; slug: string; pageTitle: string };

const columns = {
  ...getTableColumns(publicAnnotations),
  scope: liveAddresses.scope,
  slug: liveAddresses.slug,
  pageTitle: liveAddresses.title,
};
const onLiveTarget = and(
  eq(liveAddresses.itemType, publicAnnotations.targetType),
  eq(liveAddresses.itemId, publicAnnotations.targetId),
);

/** A law or article page, with the law text named so the passage is on the page that opens. */
function targetPath(row: Row): string {
  if (row.targetType === "article") return publicArticlePath(row);
  const path = publicLawPath({ jurisdictionCode: row.scope, slug: row.slug });
  return row.textId === null ? path : `${path}?text=${row.textId}`;
}

function itemPath(item: { type: string; scope: string; slug: string }): string {
  if (item.type === "law") return publicLawPath({ jurisdictionCode: item.scope, slug: item.slug });
  if (item.type === "article") return publicArticlePath(item);
  return publicAgentPath(item);
}

const quoteLength = 80;
const shortQuote = (exact: string) => {
  const chars = [...exact.replace(/\s+/g, " ").trim()];
  return chars.length > quoteLength ? `${chars.slice(0, quoteLength).join("")}…` : chars.join("");
};

/**
 * The links of these rows that readers can follow now, by "type:id": live laws, articles and
 * agents, and published passages, with their current names and addresses. Resolved when read
 * (and cached by the publication clock), so a link to something withdrawn since simply goes.
 */
async function liveLinks(db: Db, rows: Row[]): Promise<Map<string, PublicLink>> {
  const refs = rows.flatMap((r) => r.links);
  const links = new Map<string, PublicLink>();
  const items = refs.filter((r) => r.type !== "annotation");
  if (items.length) {
    const docs = await db
      .select({
        type: liveAddresses.itemType,
        id: liveAddresses.itemId,
        scope: liveAddresses.scope,
        slug: liveAddresses.slug,
        title: liveAddresses.title,
      })
      .from(liveAddresses)
      .where(or(...items.map((r) => and(eq(liveAddresses.itemType, r.type), eq(liveAddresses.itemId, r.id)))));
    for (const doc of docs)
      links.set(`${doc.type}:${doc.id}`, {
        type: doc.type as PublicLink["type"],
        title: doc.title,
        href: itemPath(doc),
      });
  }
  const passageIds = refs.filter((r) => r.type === "annotation").map((r) => r.id);
  if (passageIds.length) {
    const passages = await db
      .select(columns)
      .from(publicAnnotations)
      .innerJoin(liveAddresses, onLiveTarget)
      .where(inArray(publicAnnotations.annotationId, passageIds));
    for (const p of passages) {
      const page = targetPath(p);
      links.set(`annotation:${p.annotationId}`, {
        type: "annotation",
        title: `${p.pageTitle}: “${shortQuote(p.exact)}”`,
        href: `${page}#annotation-${p.annotationId}`,
        passage: {
          on: p.targetType as "law" | "article",
          pageTitle: p.pageTitle,
          page,
          exact: p.exact,
          prefix: p.prefix,
          suffix: p.suffix,
        },
      });
    }
  }
  return links;
}

function toPublic(row: Row, links: Map<string, PublicLink>): PublicAnnotation {
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
    links: row.links.flatMap((l) => links.get(`${l.type}:${l.id}`) ?? []),
    sources: row.sources,
    firstPublishedAt: row.firstPublishedAt,
    publishedAt: row.publishedAt,
  };
}

/**
 * The published annotations on a live law or article, in text order. Reads only public_annotations,
 * which publishing writes for public notes anchored on live texts: no draft, internal, drifted or
 * orphaned note is in it. Tagged so that publications expire it.
 */
export async function publishedAnnotationsOn(target: {
  type: "law" | "article";
  id: number;
}): Promise<PublicAnnotation[]> {
  "use cache";
  cacheTag(publicCacheTag, itemTag(target.type, target.id));
  cacheLife("days");
  return readAnnotationsOn((await getDatabase()).db, target);
}

export async function readAnnotationsOn(db: Db, target: { type: "law" | "article"; id: number }) {
  const rows = await db
    .select(columns)
    .from(publicAnnotations)
    .innerJoin(liveAddresses, onLiveTarget)
    .where(and(eq(publicAnnotations.targetType, target.type), eq(publicAnnotations.targetId, target.id)))
    .orderBy(asc(publicAnnotations.start), asc(publicAnnotations.annotationId));
  const links = await liveLinks(db, rows);
  return rows.map((row) => toPublic(row, links));
}

/**
 * Published annotations on live pages, by publication time then id (the read API's list order):
 * at most `limit` of those `where` keeps.
 */
export async function readAnnotationPage(db: Db, where: SQL | undefined, limit: number) {
  const rows = await db
    .select(columns)
    .from(publicAnnotations)
    .innerJoin(liveAddresses, onLiveTarget)
    .where(where)
    .orderBy(asc(publicAnnotations.publishedAt), asc(publicAnnotations.annotationId))
    .limit(limit);
  const links = await liveLinks(db, rows);
  return rows.map((row) => toPublic(row, links));
}

/** Published annotations by id (for the API); ids that are not public are simply absent. */
export async function readAnnotationsById(db: Db, ids: number[]): Promise<PublicAnnotation[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(columns)
    .from(publicAnnotations)
    .innerJoin(liveAddresses, onLiveTarget)
    .where(inArray(publicAnnotations.annotationId, ids));
  const links = await liveLinks(db, rows);
  return rows.map((row) => toPublic(row, links));
}

/** A published law or article named by its public address (`/laws/kg/slug?text=3`, `/articles/slug`, or a full URL). */
export type AnnotationTarget = { type: "law" | "article"; id: number; title: string; textId: number | null };

/** The page an address names, as it is published at: a law's (with a `?text=`) or an article's; null for any other. */
export type TargetAddress = { type: "law" | "article"; scope: string; slug: string; textId: number | null };

export function targetAddress(address: string): TargetAddress | null {
  let url: URL;
  try {
    url = new URL(address, "http://target.invalid");
  } catch {
    return null;
  }
  const law = /^\/laws\/([a-z0-9-]{1,12})\/([a-z0-9-]{1,200})\/?$/i.exec(url.pathname);
  if (law)
    return {
      type: "law",
      scope: law[1]!.toUpperCase(),
      slug: law[2]!,
      textId: parseRecordId(url.searchParams.get("text")),
    };
  const article = /^\/articles\/([a-z0-9-]{1,200})\/?$/i.exec(url.pathname);
  return article ? { type: "article", scope: "", slug: article[1]!, textId: null } : null;
}

/** The live law or article at an address; null when nothing is published there. */
export async function readTarget(db: Db, address: string): Promise<AnnotationTarget | null> {
  const named = targetAddress(address);
  if (!named) return null;
  const [doc] = await db
    .select({ type: liveAddresses.itemType, id: liveAddresses.itemId, title: liveAddresses.title })
    .from(liveAddresses)
    .where(
      and(
        eq(liveAddresses.itemType, named.type),
        eq(liveAddresses.slug, named.slug),
        named.type === "law" ? eq(liveAddresses.scope, named.scope) : undefined,
      ),
    );
  if (!doc) return null;
  return { type: doc.type as "law" | "article", id: doc.id, title: doc.title, textId: named.textId };
}
