import { z } from "zod";
import { recordId, text } from "@/lib/validation";

/** The admin lists a view can be saved for. */
export const viewLists = ["laws", "articles"] as const;
export type ViewList = (typeof viewLists)[number];

/** Parameters a view keeps: a page cursor is a place in one moment's list, not part of a view. */
const droppedParams = new Set(["after"]);

/** The query string as stored: known order, no cursor, no empty values. */
export function normalizeQuery(query: string): string {
  const params = new URLSearchParams(query.startsWith("?") ? query.slice(1) : query);
  const kept = [...params.entries()].filter(([key, value]) => value !== "" && !droppedParams.has(key));
  kept.sort(([a], [b]) => a.localeCompare(b));
  return new URLSearchParams(kept).toString();
}

export const saveViewInput = z.object({
  list: z.enum(viewLists),
  name: text().trim().min(1, "Name the view.").max(80, "Use at most 80 characters."),
  query: text().max(2000, "This view holds too many filters to save.").transform(normalizeQuery),
});

export const deleteViewInput = z.object({ id: recordId });
