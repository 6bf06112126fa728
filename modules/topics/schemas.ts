import { z } from "zod";
import { recordId, text } from "@/lib/validation";

const optionalId = z.union([z.literal(""), z.null(), recordId]).transform((v) => (v === "" ? null : v));

export const topicInput = z.object({
  name: text().trim().min(1, "Enter a name.").max(200, "Use at most 200 characters."),
  description: text().trim().max(2000, "Use at most 2,000 characters.").default(""),
  parentId: optionalId.optional().default(null),
  // Only on edit: empty keeps the current address; the old one keeps redirecting.
  slug: text()
    .trim()
    .max(80, "Use at most 80 characters.")
    .regex(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/, "Use lower-case letters, digits and single hyphens (red-terror).")
    .default(""),
});

export type TopicInput = z.input<typeof topicInput>;

export const inlineTopicInput = z.object({
  name: text().trim().min(1, "Type a name first.").max(200, "Use at most 200 characters."),
});

export const listTopicsInput = z.object({
  q: text().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1).default(1),
});
