import { z } from "zod";
import { pastDay, recordId, text } from "@/lib/validation";

const webAddress = text()
  .trim()
  .max(2000, "Use at most 2,000 characters.")
  .pipe(z.union([z.literal(""), z.url({ protocol: /^https?$/, message: "Use a web address (https://…)." })]))
  .default("");

const accessedOn = pastDay("access date");

const optionalId = z
  .union([z.literal(""), z.null(), recordId])
  .transform((v) => (v === "" ? null : v))
  .default(null);

export const sourceInput = z.object({
  title: text().trim().min(1, "Enter a title.").max(500, "Use at most 500 characters."),
  url: webAddress,
  archivedUrl: webAddress,
  accessedOn,
  publisherId: optionalId,
  note: text().trim().max(5000, "Use at most 5,000 characters.").default(""),
});

export type SourceInput = z.input<typeof sourceInput>;

export const inlineSourceInput = z.object({
  title: text().trim().min(1, "Type a title first.").max(500, "Use at most 500 characters."),
  url: webAddress,
});

/** From a URL: a parameter that is empty, unknown or unreadable falls back, never an error page. */
export const listSourcesInput = z.object({
  q: text().trim().max(200).optional().catch(undefined),
  archived: z.enum(["yes", "no"]).optional().catch(undefined),
  mine: z.enum(["yes"]).optional().catch(undefined),
  sort: z.enum(["updated", "title"]).catch("updated").default("updated"),
  // A title cursor carries the title (up to 500 characters, some of them multi-byte), base64-encoded.
  after: text().max(4000).optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(200).default(50).catch(50),
});
