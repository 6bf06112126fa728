import { z } from "zod";
import { text } from "@/lib/validation";
import { jurisdictionFilter } from "./law-index-url";

export const searchTypes = ["law", "article", "agent", "annotation"] as const;
export type SearchType = (typeof searchTypes)[number];

/**
 * The search page's query string. Anything unreadable is dropped, and a long query shortened; runs
 * of spaces are one space, which finds the same, so that spacing alone makes no other stored page.
 */
export const searchQuery = z.object({
  q: text()
    .transform((q) => q.trim().replace(/\s+/g, " ").slice(0, 200))
    .catch(""),
  type: z.enum(searchTypes).optional().catch(undefined),
  jurisdiction: jurisdictionFilter,
  page: z.coerce.number().int().min(1).max(1_000).default(1).catch(1),
});
export type SearchQuery = z.output<typeof searchQuery>;

/** The search page's address with some choices changed; changing a filter goes back to page 1. */
export function searchHref(
  query: SearchQuery,
  changes: Partial<Record<"type" | "jurisdiction" | "page", string | number | undefined>>,
): string {
  const next: Record<string, string | number | undefined> = { ...query, ...changes };
  if (!("page" in changes)) next.page = undefined;
  const params = new URLSearchParams();
  for (const key of ["q", "type", "jurisdiction", "page"] as const) {
    const value = next[key];
    if (value === undefined || value === "" || (key === "page" && value === 1)) continue;
    params.set(key, String(key === "jurisdiction" ? String(value).toLowerCase() : value));
  }
  return `/search?${params.toString()}`;
}
