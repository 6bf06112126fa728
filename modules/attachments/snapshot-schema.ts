import { z } from "zod";
import { attachmentRoles } from "@/db/schema/vocabulary";

/**
 * A file attached to a law or an article, as the item's revision records it. The hash is in the
 * snapshot, so the revision's own hash covers the file's bytes: a cited version names exactly the
 * files it had. Type, size and pages belong to the bytes and are read from the stored file.
 */
export const attachmentSnapshot = z.object({
  id: z.number(),
  sha256: z.string(),
  // The law's text version the file belongs to (the official publication of that text, a scan…).
  textId: z.number().nullable(),
  role: z.enum(attachmentRoles),
  name: z.string(),
  capturedOn: z.string().nullable(),
  internal: z.boolean(),
  position: z.number(),
});

export type AttachmentSnapshot = z.output<typeof attachmentSnapshot>;
