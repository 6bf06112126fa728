import { eq } from "drizzle-orm";
import { articles } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { isRecordId } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { assertCanDelete } from "@/modules/content/ownership";
import { forgetSlugs } from "@/modules/content/slugs";
import { forgetItem } from "@/modules/workflow/forget";
import { lockItem } from "@/modules/workflow/revise";

/** Deletes an article never published; its links to authors, laws, topics and sources go with it. */
export async function deleteArticle(ctx: Ctx, id: number): Promise<void> {
  const actor = authorize(ctx, "content.write");
  if (!isRecordId(id)) throw new NotFoundError("No such article.");
  await ctx.db.transaction(async (tx) => {
    const [article] = await tx
      .select({ title: articles.title, createdById: articles.createdById })
      .from(articles)
      .where(eq(articles.id, id))
      .for("update");
    if (!article) throw new NotFoundError("No such article.");
    // Locked too: a publish this waited for is seen, and the article is then not deleted.
    const row = await lockItem(tx, { type: "article", id });
    assertCanDelete(ctx, { createdById: article.createdById, everPublished: row.liveRevisionId !== null });
    await forgetItem(tx, { actor, ip: ctx.ip }, row, article.title);
    await tx.delete(articles).where(eq(articles.id, id));
    await forgetSlugs(tx, "article", id);
  });
}
