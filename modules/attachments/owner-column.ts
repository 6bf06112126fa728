import { attachments } from "@/db/schema";

/** What files are attached to through the workflow: a law (or one of its texts) or an article. */
export type AttachmentOwner = { type: "law" | "article"; id: number };

/** The column of `attachments` that names the owner. */
export function ownerColumn(owner: AttachmentOwner) {
  return owner.type === "law" ? attachments.lawId : attachments.articleId;
}
