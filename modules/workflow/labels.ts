import { contentTypes, type ContentType, type ReviewState, type Visibility } from "@/db/schema/vocabulary";

export { contentTypes, type ContentType };

export const reviewLabels: Record<ReviewState, string> = {
  draft: "Draft",
  in_review: "In review",
  changes_requested: "Changes requested",
  approved: "Approved",
  published: "Published",
};

/** One phrase for an item's place in the workflow, as lists and headers show it. */
export function workflowLabel(review: ReviewState | null, visibility: Visibility | null): string {
  if (visibility === "archived") return "Archived";
  if (visibility === "withdrawn")
    return review === "published" ? "Withdrawn" : `Withdrawn · ${reviewLabels[review ?? "draft"].toLowerCase()}`;
  if (visibility === "live" && review !== "published")
    return `Published · new version ${reviewLabels[review ?? "draft"].toLowerCase()}`;
  return reviewLabels[review ?? "draft"];
}
