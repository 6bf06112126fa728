import { and, asc, eq, isNull } from "drizzle-orm";
import { attachments, storedFiles } from "@/db/schema";
import type { AttachmentRole, ExtractionState } from "@/db/schema/vocabulary";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { ownerColumn, type AttachmentOwner } from "./owner-column";
import { attachmentColumns } from "./snapshot";

export type AttachedFile = {
  id: number;
  sha256: string;
  textId: number | null;
  role: AttachmentRole;
  name: string;
  capturedOn: string | null;
  internal: boolean;
  mediaType: string;
  size: number;
  pageCount: number | null;
  extraction: ExtractionState;
  createdById: number | null;
};

/** An item's files for its editors, with what the store knows of each. */
export async function listAttachments(ctx: Ctx, owner: AttachmentOwner): Promise<AttachedFile[]> {
  authorize(ctx, "admin.access");
  return (
    ctx.db
      .select({
        ...attachmentColumns,
        mediaType: storedFiles.mediaType,
        size: storedFiles.size,
        pageCount: storedFiles.pageCount,
        extraction: storedFiles.extraction,
        createdById: attachments.createdById,
      })
      .from(attachments)
      .innerJoin(storedFiles, eq(storedFiles.sha256, attachments.sha256))
      // A source's captures are listed with each capture (modules/captures/list.ts).
      .where(and(eq(ownerColumn(owner), owner.id), isNull(attachments.captureId)))
      .orderBy(asc(attachments.position), asc(attachments.id))
  );
}
