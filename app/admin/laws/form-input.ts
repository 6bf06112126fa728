import { many, one, rows, type FormValues } from "@/lib/form-data";

/** The law form's fields, as the input of createLaw/updateLaw. */
export function lawInputFrom(values: FormValues) {
  return {
    jurisdictionCode: one(values, "jurisdictionCode"),
    type: one(values, "type"),
    status: one(values, "status"),
    summary: one(values, "summary"),
    slug: one(values, "slug"),
    titles: rows(values, "titles", ["lang", "title"]),
    preferredTitle: one(values, "preferredTitle"),
    identifiers: rows(values, "identifiers", ["registry", "value"]),
    topicIds: many(values, "topicIds"),
    sourceIds: many(values, "sourceIds"),
    baseRevision: one(values, "baseRevision"),
  };
}
