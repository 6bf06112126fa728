import { one, rows, type FormValues } from "@/lib/form-data";

export const nameFields = ["name", "lang"] as const;
export const linkFields = ["label", "url"] as const;

/** The input of createAgent/updateAgent, read from the agent form's fields. */
export function agentFormInput(values: FormValues) {
  return {
    kind: one(values, "kind"),
    preferredName: one(values, "preferredName"),
    description: one(values, "description"),
    slug: one(values, "slug"),
    names: rows(values, "names", nameFields),
    links: rows(values, "links", linkFields),
    baseRevision: one(values, "baseRevision"),
  };
}
