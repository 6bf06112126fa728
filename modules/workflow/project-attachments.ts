import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { publicAttachments, storedFiles } from "@/db/schema";
import type { AttachmentSnapshot } from "@/modules/attachments/snapshot-schema";
import { syncFilePages } from "./project-file-pages";

type Owner = { type: "law" | "article"; id: number };

/**
 * The files readers may see of an item going live: those of its live revision not marked
 * internal, with what the store knows of each (type, size, pages). Written in the publishing
 * transaction, so a file is served from the moment its item is, and not before.
 */
export async function projectAttachments(
  tx: Tx,
  owner: Owner,
  revisionId: number,
  files: AttachmentSnapshot[],
  publishedAt: Date,
): Promise<void> {
  const before = await unprojectAttachments(tx, owner, { sync: false });
  const shown = files.filter((file) => !file.internal);
  if (!shown.length) return syncFilePages(tx, before);
  const stored = await tx
    .select({
      sha256: storedFiles.sha256,
      mediaType: storedFiles.mediaType,
      size: storedFiles.size,
      pageCount: storedFiles.pageCount,
      thumbnailSha256: storedFiles.thumbnailSha256,
    })
    .from(storedFiles)
    .where(inArray(storedFiles.sha256, [...new Set(shown.map((f) => f.sha256))]));
  const bySha = new Map(stored.map((s) => [s.sha256, s]));
  const rows = shown.flatMap((file) => {
    const bytes = bySha.get(file.sha256);
    if (!bytes) return [];
    return [
      {
        attachmentId: file.id,
        itemType: owner.type,
        itemId: owner.id,
        revisionId,
        textId: file.textId,
        sha256: file.sha256,
        name: file.name,
        role: file.role,
        mediaType: bytes.mediaType,
        size: bytes.size,
        pageCount: bytes.pageCount,
        thumbnailSha256: bytes.thumbnailSha256,
        capturedOn: file.capturedOn,
        position: file.position,
        publishedAt,
      },
    ];
  });
  if (rows.length) await tx.insert(publicAttachments).values(rows);
  await syncFilePages(tx, [...before, ...rows.map((r) => r.sha256)]);
}

/** Withdrawn, archived or merged: its files are no longer served, nor searched. Answers the hashes it had. */
export async function unprojectAttachments(tx: Tx, owner: Owner, options = { sync: true }): Promise<string[]> {
  const removed = await tx
    .delete(publicAttachments)
    .where(and(eq(publicAttachments.itemType, owner.type), eq(publicAttachments.itemId, owner.id)))
    .returning({ sha256: publicAttachments.sha256 });
  const hashes = removed.map((r) => r.sha256);
  if (options.sync) await syncFilePages(tx, hashes);
  return hashes;
}
