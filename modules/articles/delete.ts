import { and, eq, isNull } from "drizzle-orm";
import { articles } from "@/db/schema";
import { ConflictError } from "@/lib/errors";
import type { Ctx } from "@/modules/auth/context";
import { assertCanDelete } from "@/modules/content/ownership";
import { forgetSlugs } from "@/modules/content/slugs";
import { getArticle } from "./read";

/** Deletes an unpublished article; its links to authors, laws, topics and sources go with it. */
export async function deleteArticle(ctx: Ctx, id: number): Promise<void> {
  const article = await getArticle(ctx, id);
  assertCanDelete(ctx, article);
  await ctx.db.transaction(async (tx) => {
    // Compare-and-set: an article published since it was read is not deleted.
    const deleted = await tx
      .delete(articles)
      .where(and(eq(articles.id, id), isNull(articles.publishedAt)))
      .returning({ id: articles.id });
    if (deleted.length === 0) throw new ConflictError("This article changed meanwhile; reload the page.");
    await forgetSlugs(tx, "article", id);
  });
}
