import { and, asc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { annotationLinks, annotations, annotationSources, sources } from "@/db/schema";
import type { AnnotationAudience, AnnotationKind } from "@/db/schema/vocabulary";
import { NotFoundError } from "@/lib/errors";
import { isRecordId } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { linkedNames } from "./links";
import type { Passage } from "./passage";
import type { LinkRef } from "./schemas";
import type { TargetRef } from "./target";

export type AnnotationLink = LinkRef & { title: string };

export type AnnotationDetail = {
  id: number;
  target: TargetRef;
  kind: AnnotationKind;
  audience: AnnotationAudience;
  body: string;
  /** The passage as selected, on the target revision it was made on. */
  passage: Passage & { revisionId: number };
  links: AnnotationLink[];
  sources: { id: number; title: string; url: string }[];
  createdById: number | null;
  createdAt: Date;
  updatedAt: Date;
};

/** One annotation's working copy, for the admin. */
export async function getAnnotation(ctx: Ctx, id: number): Promise<AnnotationDetail> {
  authorize(ctx, "admin.access");
  const found = isRecordId(id) ? await readAnnotation(ctx.db, id) : null;
  if (!found) throw new NotFoundError("No such annotation.");
  return found;
}

export async function readAnnotation(db: Db | Tx, id: number): Promise<AnnotationDetail | null> {
  const [row] = await db.select().from(annotations).where(eq(annotations.id, id));
  if (!row) return null;
  const links = await db
    .select({ type: annotationLinks.itemType, id: annotationLinks.itemId })
    .from(annotationLinks)
    .where(eq(annotationLinks.annotationId, id))
    .orderBy(asc(annotationLinks.position));
  const sourceRows = await db
    .select({ id: sources.id, title: sources.title, url: sources.url })
    .from(annotationSources)
    .innerJoin(sources, eq(sources.id, annotationSources.sourceId))
    .where(eq(annotationSources.annotationId, id))
    .orderBy(asc(sources.title));
  return {
    id: row.id,
    target: { type: row.targetType as TargetRef["type"], id: row.targetId, textId: row.textId },
    kind: row.kind,
    audience: row.audience,
    body: row.body,
    passage: {
      exact: row.exact,
      prefix: row.prefix,
      suffix: row.suffix,
      start: row.start,
      end: row.end,
      revisionId: row.madeOnRevisionId,
    },
    links: await titled(db, links as LinkRef[]),
    sources: sourceRows,
    createdById: row.createdById,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Links with the names of what they point to; a link to something deleted since is dropped. */
export async function titled(db: Db | Tx, refs: LinkRef[]): Promise<AnnotationLink[]> {
  const names = await linkedNames(db, refs);
  return refs.flatMap((r) => {
    const title = names.get(`${r.type}:${r.id}`);
    return title === undefined ? [] : [{ ...r, title }];
  });
}

/** The ids of the annotations on a target (one law text, or an article), oldest first. */
export async function annotationIdsOn(db: Db | Tx, target: TargetRef): Promise<number[]> {
  const rows = await db
    .select({ id: annotations.id })
    .from(annotations)
    .where(
      and(
        eq(annotations.targetType, target.type),
        eq(annotations.targetId, target.id),
        ...(target.type === "law" && target.textId !== null ? [eq(annotations.textId, target.textId)] : []),
      ),
    )
    .orderBy(asc(annotations.id));
  return rows.map((r) => r.id);
}
