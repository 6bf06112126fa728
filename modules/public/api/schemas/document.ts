import { z } from "zod";
import { attachmentRoles } from "@/db/schema/vocabulary";
import type { PublicDocument } from "@/modules/public/attachments";
import { apiSchemas } from "./registry";

export const documentSchema = z
  .object({
    name: z.string().describe("What it is called, and saved as."),
    role: z.enum(attachmentRoles),
    textId: z
      .int()
      .nullable()
      .describe("The law's text version it belongs to (`texts[].id`); null: the item as a whole."),
    mediaType: z.string().describe("From its content, never its name."),
    size: z.int().describe("In bytes."),
    pages: z.int().nullable().describe("A PDF's page count."),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe("The SHA-256 of its bytes: check a copy against it."),
    capturedOn: z.iso.date().nullable().describe("The day the editors' copy was captured."),
    url: z.url().describe("The file itself; its address names its hash, so it never changes."),
    thumbnail: z.url().nullable().describe("An image's thumbnail (WebP)."),
  })
  .register(apiSchemas, { id: "Document", description: "A file attached to a published law or article." });

export type ApiDocument = z.output<typeof documentSchema>;

/** The documents a page lists that readers can open, in the API's shape. */
export function apiDocuments(documents: PublicDocument[], origin: string): ApiDocument[] {
  return documents.flatMap((doc) =>
    doc.href && doc.mediaType && doc.size !== null
      ? [
          {
            name: doc.name,
            role: doc.role,
            textId: doc.textId,
            mediaType: doc.mediaType,
            size: doc.size,
            pages: doc.pageCount,
            sha256: doc.sha256,
            capturedOn: doc.capturedOn,
            url: origin + doc.href,
            thumbnail: doc.thumbnailHref ? origin + doc.thumbnailHref : null,
          },
        ]
      : [],
  );
}
