import { and, desc, eq } from "drizzle-orm";
import { annotations, articles, editorialItems, laws } from "@/db/schema";
import type { AnnotationAudience, AnnotationKind, ReviewState, Visibility } from "@/db/schema/vocabulary";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import type { TargetRef } from "./target";

export type AnnotationListItem = {
  id: number;
  target: TargetRef;
  targetTitle: string;
  kind: AnnotationKind;
  audience: AnnotationAudience;
  exact: string;
  review: ReviewState | null;
  visibility: Visibility | null;
  updatedAt: Date;
};

/** The most recently changed annotations, for the editors' list. */
export async function listRecentAnnotations(ctx: Ctx, limit = 50): Promise<AnnotationListItem[]> {
  authorize(ctx, "admin.access");
  const rows = await ctx.db
    .select({
      id: annotations.id,
      targetType: annotations.targetType,
      targetId: annotations.targetId,
      textId: annotations.textId,
      kind: annotations.kind,
      audience: annotations.audience,
      exact: annotations.exact,
      updatedAt: annotations.updatedAt,
      review: editorialItems.review,
      visibility: editorialItems.visibility,
      lawTitle: laws.title,
      articleTitle: articles.title,
    })
    .from(annotations)
    .leftJoin(editorialItems, and(eq(editorialItems.itemType, "annotation"), eq(editorialItems.itemId, annotations.id)))
    .leftJoin(laws, and(eq(annotations.targetType, "law"), eq(laws.id, annotations.targetId)))
    .leftJoin(articles, and(eq(annotations.targetType, "article"), eq(articles.id, annotations.targetId)))
    .orderBy(desc(annotations.updatedAt), desc(annotations.id))
    .limit(Math.min(Math.max(1, limit), 200));
  return rows.map((r) => ({
    id: r.id,
    target: { type: r.targetType as TargetRef["type"], id: r.targetId, textId: r.textId },
    targetTitle: r.lawTitle ?? r.articleTitle ?? "(deleted)",
    kind: r.kind,
    audience: r.audience,
    exact: r.exact,
    review: r.review,
    visibility: r.visibility,
    updatedAt: r.updatedAt,
  }));
}
