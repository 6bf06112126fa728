import { many, one, type FormValues } from "@/lib/form-data";

/** The annotation form's fields, as the input of createAnnotation/updateAnnotation. */
export function annotationInputFrom(values: FormValues) {
  return {
    kind: one(values, "kind") ?? "",
    audience: one(values, "audience") ?? "",
    body: one(values, "body") ?? "",
    // Three pickers (laws, articles, agents) send "law:12", "article:3", "agent:7".
    links: many(values, "links"),
    sourceIds: many(values, "sourceIds"),
    baseRevision: one(values, "baseRevision"),
  };
}

/** The passage the browser selected, from the form's hidden fields; absent when none was sent. */
export function passageFrom(values: FormValues) {
  if (one(values, "passage.exact") === undefined) return undefined;
  return {
    targetRevision: one(values, "passage.targetRevision"),
    exact: one(values, "passage.exact"),
    prefix: one(values, "passage.prefix") ?? "",
    suffix: one(values, "passage.suffix") ?? "",
    start: one(values, "passage.start"),
    end: one(values, "passage.end"),
  };
}
