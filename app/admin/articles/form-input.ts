import { many, one, type FormValues } from "@/lib/form-data";

/** The article form's fields, as the input of createArticle/updateArticle. */
export function articleInputFrom(values: FormValues) {
  return {
    kind: one(values, "kind"),
    title: one(values, "title"),
    body: one(values, "body"),
    lang: one(values, "lang"),
    slug: one(values, "slug"),
    // Hidden inputs in the order the picker shows them: the byline order.
    authorIds: many(values, "authorIds"),
    publisherId: one(values, "publisherId") ?? "",
    creditedAgentId: one(values, "creditedAgentId") ?? "",
    originalDate: one(values, "originalDate"),
    originalUrl: one(values, "originalUrl"),
    lawIds: many(values, "lawIds"),
    topicIds: many(values, "topicIds"),
    jurisdictionCodes: many(values, "jurisdictionCodes"),
    sourceIds: many(values, "sourceIds"),
    baseRevision: one(values, "baseRevision"),
  };
}
