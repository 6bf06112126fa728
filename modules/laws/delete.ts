import { and, count, eq, isNull, or } from "drizzle-orm";
import { articleLaws, lawRelations, laws } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { isRecordId } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { assertCanDelete } from "@/modules/content/ownership";
import { forgetSlugs } from "@/modules/content/slugs";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Deletes an unpublished law with its titles, texts and timeline (the foreign keys cascade), but
 * never one that articles discuss or other laws relate to: those links would vanish silently.
 * The row is locked first and the uses counted after, so that a save the lock waited for counts.
 */
export async function deleteLaw(ctx: Ctx, id: number): Promise<void> {
  authorize(ctx, "content.write");
  if (!isRecordId(id)) throw new NotFoundError("No such law.");
  await ctx.db.transaction(async (tx) => {
    const [law] = await tx
      .select({ title: laws.title, createdById: laws.createdById, publishedAt: laws.publishedAt })
      .from(laws)
      .where(eq(laws.id, id))
      .for("update");
    if (!law) throw new NotFoundError("No such law.");
    assertCanDelete(ctx, law);
    const [discussed] = await tx.select({ n: count() }).from(articleLaws).where(eq(articleLaws.lawId, id));
    const [related] = await tx
      .select({ n: count() })
      .from(lawRelations)
      .where(or(eq(lawRelations.fromLawId, id), eq(lawRelations.toLawId, id)));
    const uses = [
      discussed?.n ? `discussed by ${plural(discussed.n, "article", "articles")}` : "",
      related?.n ? `in ${plural(related.n, "relation with another law", "relations with other laws")}` : "",
    ].filter(Boolean);
    if (uses.length > 0) throw new ConflictError(`“${law.title}” cannot be deleted: still ${uses.join(" and ")}.`);
    // Compare-and-set: a law published since it was read is not deleted.
    const deleted = await tx
      .delete(laws)
      .where(and(eq(laws.id, id), isNull(laws.publishedAt)))
      .returning({ id: laws.id });
    if (deleted.length === 0) throw new ConflictError("This law was published meanwhile; it cannot be deleted.");
    await forgetSlugs(tx, "law", id);
  });
}
