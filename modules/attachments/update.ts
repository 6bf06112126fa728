import { eq, sql } from "drizzle-orm";
import { attachments } from "@/db/schema";
import { parseInput } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { findAttachment } from "./find";
import { closeOwner, openOwner, type AttachmentOwner } from "./owner";
import { attachmentFields } from "./schemas";

/** Renames an attached file, changes what it is, its capture date, or whether readers see it. */
export async function updateAttachment(ctx: Ctx, id: number, input: unknown): Promise<{ owner: AttachmentOwner }> {
  const actor = authorize(ctx, "content.write");
  const values = parseInput(attachmentFields, input);
  return ctx.db.transaction(async (tx) => {
    const { owner } = await findAttachment(tx, id);
    const row = await openOwner(tx, owner, input);
    const changed = await tx
      .update(attachments)
      .set({ ...values, internal: owner.type === "source" || values.internal, updatedAt: sql`now()` })
      .where(eq(attachments.id, id))
      .returning({ id: attachments.id, sha256: attachments.sha256, name: attachments.name, role: attachments.role });
    await closeOwner(tx, ctx, actor, owner, row, "attachment.update", changed);
    return { owner };
  });
}
