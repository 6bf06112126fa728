import { and, eq, inArray } from "drizzle-orm";
import { getDatabase, type Db } from "@/db";
import { publicAttachments } from "@/db/schema";
import type { AttachmentRole } from "@/db/schema/vocabulary";
import type { AttachmentSnapshot } from "@/modules/attachments/snapshot-schema";

/** A document as readers see it beside a law's texts or an article. */
export type PublicDocument = {
  id: number;
  name: string;
  role: AttachmentRole;
  textId: number | null;
  capturedOn: string | null;
  sha256: string;
  /** Where it is served; null while the file is not public (an older version's, or a preview's). */
  href: string | null;
  mediaType: string | null;
  size: number | null;
  pageCount: number | null;
  /** An image's thumbnail, once made. */
  thumbnailHref: string | null;
};

/** What a thumbnail is saved as: the address needs a name, and a thumbnail has only its image's. */
export const thumbnailName = "thumbnail.webp";

/** A public file's address: its hash (so it can be cached for ever) and the name it is saved as. */
export function fileHref(sha256: string, name: string): string {
  return `/files/${sha256}/${encodeURIComponent(name)}`;
}

/**
 * The documents a revision lists for readers (internal ones left out), with what the published
 * copies say of each: type, size, pages and the address they are served at. Reads only
 * public_attachments, so a file no published item shows gets no address.
 */
export async function documentsOf(db: Db, files: AttachmentSnapshot[]): Promise<PublicDocument[]> {
  const shown = files.filter((file) => !file.internal);
  if (!shown.length) return [];
  const published = await db
    .selectDistinctOn([publicAttachments.sha256], {
      sha256: publicAttachments.sha256,
      mediaType: publicAttachments.mediaType,
      size: publicAttachments.size,
      pageCount: publicAttachments.pageCount,
      thumbnailSha256: publicAttachments.thumbnailSha256,
    })
    .from(publicAttachments)
    .where(
      inArray(
        publicAttachments.sha256,
        shown.map((f) => f.sha256),
      ),
    );
  const bySha = new Map(published.map((p) => [p.sha256, p]));
  return shown.map((file) => {
    const bytes = bySha.get(file.sha256);
    return {
      id: file.id,
      name: file.name,
      role: file.role,
      textId: file.textId,
      capturedOn: file.capturedOn,
      sha256: file.sha256,
      href: bytes ? fileHref(file.sha256, file.name) : null,
      mediaType: bytes?.mediaType ?? null,
      size: bytes?.size ?? null,
      pageCount: bytes?.pageCount ?? null,
      thumbnailHref: bytes?.thumbnailSha256 ? fileHref(bytes.thumbnailSha256, thumbnailName) : null,
    };
  });
}

/**
 * A published file by its hash and one of the names it is published under, for the file route;
 * null: not public. Not cached: a withdrawal must stop it at once, and it is one indexed lookup.
 * A public image's thumbnail is public under `thumbnailName` (its size is the store's to say).
 */
export async function publicFile(
  sha256: string,
  name: string,
): Promise<{ mediaType: string; size: number | null } | null> {
  const { db } = await getDatabase();
  if (name === thumbnailName) {
    const [thumbnail] = await db
      .select({ sha256: publicAttachments.thumbnailSha256 })
      .from(publicAttachments)
      .where(eq(publicAttachments.thumbnailSha256, sha256))
      .limit(1);
    if (thumbnail) return { mediaType: "image/webp", size: null };
  }
  const [file] = await db
    .select({ mediaType: publicAttachments.mediaType, size: publicAttachments.size })
    .from(publicAttachments)
    .where(and(eq(publicAttachments.sha256, sha256), eq(publicAttachments.name, name)))
    .limit(1);
  return file ?? null;
}
