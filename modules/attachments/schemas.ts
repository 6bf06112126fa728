import { z } from "zod";
import { attachmentRoles } from "@/db/schema/vocabulary";
import { cleanFileName } from "@/lib/files/file-name";
import { pastDay, recordId, text } from "@/lib/validation";

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

const capturedOn = pastDay("capture date");

/** What an editor says about an attached file: its name, what it is, when it was captured, whether readers see it. */
export const attachmentFields = z.object({
  name: text({ message: "Give the file a name." })
    .transform((name) => cleanFileName(name, ""))
    .pipe(z.string().min(1, "Give the file a name.")),
  role: z.enum(attachmentRoles, { message: "Choose what the file is." }),
  capturedOn,
  internal: checkbox,
});

export const sha256Field = z.string().regex(/^[0-9a-f]{64}$/, "This file was not uploaded. Upload it again.");

export const attachInput = z.object({
  // A law's text version the files belong to; none: the law (or the article) as a whole.
  textId: z
    .union([z.literal(""), z.null(), recordId])
    .transform((v) => (v === "" ? null : v))
    .default(null),
  files: z
    .array(attachmentFields.extend({ sha256: sha256Field }), { message: "Choose the files to attach." })
    .min(1, "Choose the files to attach.")
    .max(50, "Attach at most 50 files at once."),
});

export type AttachInput = z.input<typeof attachInput>;
