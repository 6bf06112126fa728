import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { attachments } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { isRecordId } from "@/lib/validation";
import type { AttachmentOwner } from "./owner-column";

/** An attached file's owner and who attached it; "not found" when it is not there (any more). */
export async function findAttachment(
  tx: Tx,
  id: number,
): Promise<{ owner: AttachmentOwner; createdById: number | null }> {
  if (!isRecordId(id)) throw new NotFoundError("No such attached file.");
  const [found] = await tx
    .select({
      lawId: attachments.lawId,
      articleId: attachments.articleId,
      sourceId: attachments.sourceId,
      createdById: attachments.createdById,
    })
    .from(attachments)
    .where(eq(attachments.id, id));
  const owner: AttachmentOwner | null = found?.lawId
    ? { type: "law", id: found.lawId }
    : found?.articleId
      ? { type: "article", id: found.articleId }
      : found?.sourceId
        ? { type: "source", id: found.sourceId }
        : null;
  if (!owner) throw new NotFoundError("No such attached file.");
  return { owner, createdById: found!.createdById };
}
