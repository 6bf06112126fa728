import type { TargetRef } from "@/modules/annotations/target";

/** The admin page where a law text or an article is annotated. */
export function annotatePath(target: TargetRef): string {
  return target.type === "law"
    ? `/admin/laws/${target.id}/texts/${target.textId}/annotations`
    : `/admin/articles/${target.id}/annotations`;
}

export function annotationPath(id: number): string {
  return `/admin/annotations/${id}`;
}
