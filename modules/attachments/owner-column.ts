import { attachments } from "@/db/schema";

/**
 * What files are attached to: a law (or one of its texts) or an article, through the workflow; or
 * a source, reference material kept for editors, changed at once.
 */
export type AttachmentOwner = { type: "law" | "article" | "source"; id: number };

/** The column of `attachments` that names the owner. */
export function ownerColumn(owner: AttachmentOwner) {
  if (owner.type === "source") return attachments.sourceId;
  return owner.type === "law" ? attachments.lawId : attachments.articleId;
}
