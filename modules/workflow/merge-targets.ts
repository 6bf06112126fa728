import { and, asc, eq, ilike, isNull, ne } from "drizzle-orm";
import { publications } from "@/db/schema";
import type { ContentType } from "@/db/schema/vocabulary";
import { likePattern } from "@/lib/text";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";

/** Published items of one type a withdrawn one may send its readers to, by title. */
export async function searchMergeTargets(ctx: Ctx, type: ContentType, query: string, exceptId: number) {
  authorize(ctx, "workflow.review");
  const q = query.trim().slice(0, 200);
  const rows = await ctx.db
    .select({ id: publications.itemId, title: publications.title, scope: publications.scope })
    .from(publications)
    .where(
      and(
        eq(publications.itemType, type),
        isNull(publications.goneAt),
        ne(publications.itemId, exceptId),
        q ? ilike(publications.title, likePattern(q)) : undefined,
      ),
    )
    .orderBy(asc(publications.title))
    .limit(20);
  return rows.map((r) => ({ value: String(r.id), label: r.title, hint: r.scope || undefined }));
}
