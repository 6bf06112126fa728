import type { LawFacet, LawIndexQuery } from "./law-index";

/**
 * The index's address with some choices changed: filters and sort in the query string, so any
 * view can be shared. Changing a filter or the sort goes back to page 1; defaults are left out.
 */
export function lawIndexHref(
  query: LawIndexQuery,
  changes: Partial<Record<LawFacet | "sort" | "page", string | number | undefined>>,
): string {
  const next: Record<string, string | number | undefined> = { ...query, ...changes };
  if (!("page" in changes)) next.page = undefined;
  const params = new URLSearchParams();
  for (const key of ["jurisdiction", "status", "type", "year", "topic", "sort", "page"] as const) {
    const value = next[key];
    if (
      value === undefined ||
      value === "" ||
      (key === "sort" && value === "recent") ||
      (key === "page" && value === 1)
    )
      continue;
    params.set(key, String(key === "jurisdiction" ? String(value).toLowerCase() : value));
  }
  const search = params.toString();
  return search ? `/laws?${search}` : "/laws";
}
