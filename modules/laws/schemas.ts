import { z } from "zod";
import { lawStatuses, lawTypes } from "@/db/schema/vocabulary";
import { sortDirections } from "@/lib/list-query";
import { formRowList, langCode, present, recordId, text } from "@/lib/validation";

export { recordId };
const id = recordId;

export const lawInput = z
  .object({
    jurisdictionCode: text().trim().toUpperCase().min(1, "Choose a jurisdiction."),
    type: z.enum(lawTypes, { message: "Choose a type." }),
    status: z.enum(lawStatuses, { message: "Choose a status." }),
    summary: text().trim().max(20_000, "Use at most 20,000 characters.").default(""),
    slug: text()
      .trim()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens.")
      .max(80)
      .optional()
      .or(z.literal("").transform(() => undefined)),
    titles: formRowList(z.object({ lang: langCode, title: text().trim().min(1, "Enter the title.").max(1000) })),
    preferredTitle: z.coerce.number().int().min(0).default(0),
    identifiers: formRowList(
      z.object({
        registry: text().trim().min(1, "Name the registry.").max(200),
        value: text().trim().min(1, "Enter the number.").max(200),
      }),
    ),
    topicIds: z.array(id).max(200, "Keep it to 200.").default([]),
    sourceIds: z.array(id).max(200, "Keep it to 200.").default([]),
  })
  .refine((law) => present(law.titles).length > 0, { path: ["titles"], message: "Give the law at least one title." })
  .refine((law) => law.titles[law.preferredTitle] !== undefined, {
    path: ["preferredTitle"],
    message: "Choose which title is preferred.",
  })
  // Empty rows go only now, so that every error above kept the row number the form shows.
  .transform((law) => {
    const titles = present(law.titles);
    return {
      ...law,
      titles,
      preferredTitle: titles.indexOf(law.titles[law.preferredTitle]!),
      identifiers: present(law.identifiers),
    };
  });

export type LawInput = z.input<typeof lawInput>;
export type LawValues = z.output<typeof lawInput>;

/** The columns the editors' list of laws sorts by, in the database. */
export const lawSorts = ["updated", "title", "jurisdiction", "status"] as const;
export type LawSort = (typeof lawSorts)[number];

/** A facet from a URL: empty, unknown or unreadable means "all", never an error page. */
const facet = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const listLawsInput = z.object({
  q: facet(text().trim().max(200)),
  jurisdiction: facet(text().trim().toUpperCase().min(1).max(12)),
  status: facet(z.enum(lawStatuses)),
  type: facet(z.enum(lawTypes)),
  sort: z.enum(lawSorts).catch("updated").default("updated"),
  // Absent: the sort's own direction (newest first for "updated", A–Z for the others).
  dir: facet(z.enum(sortDirections)),
  after: facet(text().max(4000)),
  limit: z.coerce.number().int().min(1).max(100).catch(50).default(50),
});
