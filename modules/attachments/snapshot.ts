import { asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { attachments } from "@/db/schema";
import { ownerColumn, type AttachmentOwner } from "./owner-column";
import type { AttachmentSnapshot } from "./snapshot-schema";

/** An attached file's own columns, as a revision records them. */
export const attachmentColumns = {
  id: attachments.id,
  sha256: attachments.sha256,
  textId: attachments.lawTextId,
  role: attachments.role,
  name: attachments.name,
  capturedOn: attachments.capturedOn,
  internal: attachments.internal,
  position: attachments.position,
};

/** The owner's files as its next revision records them, in the order readers see them. */
export async function attachmentsOf(db: Db | Tx, owner: AttachmentOwner): Promise<AttachmentSnapshot[]> {
  return db
    .select(attachmentColumns)
    .from(attachments)
    .where(eq(ownerColumn(owner), owner.id))
    .orderBy(asc(attachments.position), asc(attachments.id));
}

/** The files of many items of one type at once (an import's changed records), by item. */
export async function attachmentsOfMany(
  db: Db | Tx,
  type: AttachmentOwner["type"],
  ids: number[],
): Promise<Map<number, AttachmentSnapshot[]>> {
  const byItem = new Map<number, AttachmentSnapshot[]>();
  if (!ids.length) return byItem;
  const column = ownerColumn({ type, id: 0 });
  const rows = await db
    .select({ ...attachmentColumns, owner: column })
    .from(attachments)
    .where(inArray(column, ids))
    .orderBy(asc(attachments.position), asc(attachments.id));
  for (const { owner, ...file } of rows) byItem.set(owner!, [...(byItem.get(owner!) ?? []), file]);
  return byItem;
}

/**
 * Puts back the files an old revision had, for restoring it: the working copy becomes that list
 * again. A file belongs to its hash, which is never deleted from the store, so every one is still there.
 */
export async function writeAttachments(
  tx: Tx,
  owner: AttachmentOwner,
  list: AttachmentSnapshot[],
  createdById: number | null,
  keptTextIds: Set<number>,
): Promise<void> {
  await tx.delete(attachments).where(eq(ownerColumn(owner), owner.id));
  if (!list.length) return;
  await tx
    .insert(attachments)
    .overridingSystemValue()
    .values(
      list.map((file) => ({
        id: file.id,
        lawId: owner.type === "law" ? owner.id : null,
        articleId: owner.type === "article" ? owner.id : null,
        lawTextId: file.textId !== null && keptTextIds.has(file.textId) ? file.textId : null,
        sha256: file.sha256,
        role: file.role,
        name: file.name,
        capturedOn: file.capturedOn,
        internal: file.internal,
        position: file.position,
        createdById,
      })),
    );
}
