import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { editorialComments, editorialItems, reviewViews } from "@/db/schema";
import { ConflictError } from "@/lib/errors";
import { audit } from "@/modules/audit/record";
import type { Editor, EditorialRow, ItemRef } from "./revise";

/**
 * Removes the workflow state of an item being deleted, refusing one that was ever published (it
 * is withdrawn instead, so citations keep resolving). Its revisions stay: history is not rewritten.
 */
export async function forgetItem(tx: Tx, who: Editor, row: EditorialRow, title: string): Promise<void> {
  if (row.liveRevisionId !== null) throw new ConflictError("A published item cannot be deleted; withdraw it instead.");
  const item = { itemType: row.itemType, itemId: row.itemId };
  await tx
    .delete(editorialComments)
    .where(and(eq(editorialComments.itemType, item.itemType), eq(editorialComments.itemId, item.itemId)));
  await tx.delete(reviewViews).where(and(eq(reviewViews.itemType, item.itemType), eq(reviewViews.itemId, item.itemId)));
  await tx
    .delete(editorialItems)
    .where(and(eq(editorialItems.itemType, item.itemType), eq(editorialItems.itemId, item.itemId)));
  await audit(tx, {
    actor: who.actor,
    action: `${row.itemType}.delete`,
    targetType: row.itemType,
    targetId: row.itemId,
    beforeRevision: row.workingRevisionId === null ? null : String(row.workingRevisionId),
    ip: who.ip,
    details: { title },
  });
}

export type { ItemRef };
