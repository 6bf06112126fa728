import { z } from "zod";
import { jurisdictionKinds } from "@/db/schema/vocabulary";
import { formRowList, langCode, present, text } from "@/lib/validation";

const year = z
  .union([
    z.literal(""),
    z.coerce.number().int("Use a whole year.").min(1, "Use a year after 0.").max(2200, "Use a real year."),
  ])
  .transform((v) => (v === "" ? null : v));

const code = text()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9-]{1,11}$/, "Use an ISO 3166 code (KG) or a short code of capitals (RSFSR).");

export const jurisdictionInput = z
  .object({
    code,
    name: text().trim().min(1, "Enter a name.").max(200, "Use at most 200 characters."),
    kind: z.enum(jurisdictionKinds, { message: "Choose a kind." }),
    startYear: year.optional().default(null),
    endYear: year.optional().default(null),
    otherNames: formRowList(z.object({ name: text().trim().min(1, "Enter the name.").max(200), lang: langCode })),
    successorCode: z
      .union([z.literal(""), code])
      .optional()
      .transform((v) => v || null),
  })
  .refine((j) => j.startYear === null || j.endYear === null || j.startYear <= j.endYear, {
    path: ["endYear"],
    message: "The end year comes before the start year.",
  })
  .refine((j) => j.successorCode !== j.code, {
    path: ["successorCode"],
    message: "A jurisdiction cannot succeed itself.",
  })
  .transform((j) => ({ ...j, otherNames: present(j.otherNames) }));

export type JurisdictionInput = z.input<typeof jurisdictionInput>;
