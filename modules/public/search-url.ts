import type { SearchQuery } from "./search";

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
