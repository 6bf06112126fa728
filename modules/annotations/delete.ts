import { eq } from "drizzle-orm";
import { annotations } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { isRecordId } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { assertCanDelete } from "@/modules/content/ownership";
import { forgetItem } from "@/modules/workflow/forget";
import { lockItem } from "@/modules/workflow/revise";
import type { TargetRef } from "./target";

/**
 * Deletes an annotation never published (a published one is withdrawn or archived instead); its
 * links and sources go with it, its revisions and audit rows stay. Returns what it was on.
 */
export async function deleteAnnotation(ctx: Ctx, id: number): Promise<TargetRef> {
  const actor = authorize(ctx, "content.write");
  if (!isRecordId(id)) throw new NotFoundError("No such annotation.");
  return ctx.db.transaction(async (tx) => {
    const [annotation] = await tx.select().from(annotations).where(eq(annotations.id, id)).for("update");
    if (!annotation) throw new NotFoundError("No such annotation.");
    const row = await lockItem(tx, { type: "annotation", id });
    assertCanDelete(ctx, { createdById: annotation.createdById, everPublished: row.liveRevisionId !== null });
    await forgetItem(tx, { actor, ip: ctx.ip }, row, `Annotation on “${annotation.exact.slice(0, 60)}”`);
    await tx.delete(annotations).where(eq(annotations.id, id));
    return {
      type: annotation.targetType as TargetRef["type"],
      id: annotation.targetId,
      textId: annotation.textId,
    };
  });
}
