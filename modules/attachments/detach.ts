import { eq } from "drizzle-orm";
import { attachments } from "@/db/schema";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { assertCanDelete } from "@/modules/content/ownership";
import { findAttachment } from "./find";
import { closeOwner, openOwner, type AttachmentOwner } from "./owner";

/** Takes a file off its item: whoever attached it may, and editors may take off anyone's. The bytes stay stored. */
export async function detachFile(ctx: Ctx, id: number, baseRevision: unknown): Promise<{ owner: AttachmentOwner }> {
  const actor = authorize(ctx, "content.write");
  return ctx.db.transaction(async (tx) => {
    const { owner, createdById } = await findAttachment(tx, id);
    assertCanDelete(ctx, { createdById });
    const row = await openOwner(tx, owner, { baseRevision });
    const removed = await tx.delete(attachments).where(eq(attachments.id, id)).returning({
      id: attachments.id,
      sha256: attachments.sha256,
      name: attachments.name,
      role: attachments.role,
      captureId: attachments.captureId,
    });
    await closeOwner(tx, ctx, actor, owner, row, "attachment.remove", removed);
    return { owner };
  });
}
