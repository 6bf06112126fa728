import { count, eq, or } from "drizzle-orm";
import { articleLaws, lawRelations, laws } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { isRecordId } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { assertCanDelete } from "@/modules/content/ownership";
import { forgetSlugs } from "@/modules/content/slugs";
import { forgetItem } from "@/modules/workflow/forget";
import { lockItem } from "@/modules/workflow/revise";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Deletes an unpublished law with its titles, texts and timeline (the foreign keys cascade), but
 * never one that articles discuss or other laws relate to: those links would vanish silently.
 * The row is locked first and the uses counted after, so that a save the lock waited for counts.
 */
export async function deleteLaw(ctx: Ctx, id: number): Promise<void> {
  const actor = authorize(ctx, "content.write");
  if (!isRecordId(id)) throw new NotFoundError("No such law.");
  await ctx.db.transaction(async (tx) => {
    const [law] = await tx
      .select({ title: laws.title, createdById: laws.createdById })
      .from(laws)
      .where(eq(laws.id, id))
      .for("update");
    if (!law) throw new NotFoundError("No such law.");
    // Locked too: a publish this waited for is seen, and the law is then not deleted.
    const row = await lockItem(tx, { type: "law", id });
    assertCanDelete(ctx, { createdById: law.createdById, everPublished: row.liveRevisionId !== null });
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
    await forgetItem(tx, { actor, ip: ctx.ip }, row, law.title);
    await tx.delete(laws).where(eq(laws.id, id));
    await forgetSlugs(tx, "law", id);
  });
}
