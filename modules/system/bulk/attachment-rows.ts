import type { AttachmentSnapshot } from "@/modules/attachments/snapshot-schema";
import type { BulkWriter, Table } from "./writer";

const fields =
  "id int, law_id int, law_text_id int, article_id int, sha256 text, role attachment_role, name text, captured_on date, internal boolean, position int, created_by_id int, created_at timestamptz, updated_at timestamptz";
// One table object per owner, so that each is written after its owner's rows (the writer goes table by table in first-use order).
const lawAttachmentRows: Table = { name: "attachments", fields, identity: true };
const articleAttachmentRows: Table = { name: "attachments", fields, identity: true };

/** The `attachments` rows an item's snapshot records, as attaching them wrote them. */
export async function writeAttachmentRows(
  out: BulkWriter,
  owner: { type: "law" | "article"; id: number },
  row: { createdAt: string; createdById: number | null },
  list: AttachmentSnapshot[],
): Promise<void> {
  for (const file of list)
    await out.add(owner.type === "law" ? lawAttachmentRows : articleAttachmentRows, {
      id: file.id,
      law_id: owner.type === "law" ? owner.id : null,
      law_text_id: file.textId,
      article_id: owner.type === "article" ? owner.id : null,
      sha256: file.sha256,
      role: file.role,
      name: file.name,
      captured_on: file.capturedOn,
      internal: file.internal,
      position: file.position,
      created_by_id: row.createdById,
      created_at: row.createdAt,
      updated_at: row.createdAt,
    });
}
