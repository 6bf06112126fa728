import { and, desc, eq, ilike, ne, or, sql } from "drizzle-orm";
import { annotations, articles, editorialItems, laws } from "@/db/schema";
import type { AnnotationAudience, AnnotationKind, ReviewState, Visibility } from "@/db/schema/vocabulary";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { decodeCursor, encodeCursor, isTimestampKey } from "@/modules/content/cursor";
import type { TargetRef } from "./target";
import { passageExcerpt } from "./title";

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

const pageSize = 50;

/**
 * The annotations, most recently changed first, a page at a time: `after` is the cursor the
 * previous page gave (keyset, so the thousandth page costs what the first does).
 */
export async function listRecentAnnotations(
  ctx: Ctx,
  { after, limit = pageSize }: { after?: string; limit?: number } = {},
): Promise<{ items: AnnotationListItem[]; next: string | null }> {
  authorize(ctx, "admin.access");
  const cursor = decodeCursor(after);
  const key = cursor && isTimestampKey(cursor.sortValue) ? cursor : null;
  const want = Math.min(Math.max(1, limit), 200);
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
      // The exact timestamp (microseconds) for the cursor: a JS Date would round it to milliseconds.
      updatedKey: sql<string>`to_char(${annotations.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      review: editorialItems.review,
      visibility: editorialItems.visibility,
      lawTitle: laws.title,
      articleTitle: articles.title,
    })
    .from(annotations)
    .leftJoin(editorialItems, and(eq(editorialItems.itemType, "annotation"), eq(editorialItems.itemId, annotations.id)))
    .leftJoin(laws, and(eq(annotations.targetType, "law"), eq(laws.id, annotations.targetId)))
    .leftJoin(articles, and(eq(annotations.targetType, "article"), eq(articles.id, annotations.targetId)))
    .where(
      key ? sql`(${annotations.updatedAt}, ${annotations.id}) < (${key.sortValue}::timestamptz, ${key.id})` : undefined,
    )
    .orderBy(desc(annotations.updatedAt), desc(annotations.id))
    .limit(want + 1);
  const last = rows.length > want ? rows[want - 1] : undefined;
  const items = rows.slice(0, want).map((r) => ({
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
  return { items, next: last ? encodeCursor(last.updatedKey, last.id) : null };
}

/**
 * Passages to link a note to, for the links picker: annotations whose quote or whose law or
 * article title contains the words, named "Article title: “quote”". Archived ones are left out.
 */
export async function searchPassageOptions(ctx: Ctx, q: string, limit = 20) {
  authorize(ctx, "admin.access");
  const words = q.trim().slice(0, 200);
  const pattern = `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await ctx.db
    .select({ id: annotations.id, exact: annotations.exact, lawTitle: laws.title, articleTitle: articles.title })
    .from(annotations)
    .innerJoin(
      editorialItems,
      and(eq(editorialItems.itemType, "annotation"), eq(editorialItems.itemId, annotations.id)),
    )
    .leftJoin(laws, and(eq(annotations.targetType, "law"), eq(laws.id, annotations.targetId)))
    .leftJoin(articles, and(eq(annotations.targetType, "article"), eq(articles.id, annotations.targetId)))
    .where(
      and(
        ne(editorialItems.visibility, "archived"),
        words
          ? or(ilike(annotations.exact, pattern), ilike(laws.title, pattern), ilike(articles.title, pattern))
          : undefined,
      ),
    )
    .orderBy(desc(annotations.updatedAt), desc(annotations.id))
    .limit(Math.min(Math.max(1, limit), 50));
  return rows.map((r) => ({
    value: String(r.id),
    label: `${r.articleTitle ?? r.lawTitle ?? "(deleted)"}: “${passageExcerpt(r.exact)}”`,
  }));
}
