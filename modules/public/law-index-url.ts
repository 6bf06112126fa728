import { z } from "zod";
import { lawStatuses, lawTypes } from "@/db/schema/vocabulary";
import { text } from "@/lib/validation";

/** A jurisdiction code as the query string gives it: upper-cased. The read API refuses what cannot be one. */
export const jurisdictionCode = text()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{1,12}$/, "Not a jurisdiction code");

/** A topic's or agent's slug as the query string gives it. */
export const slugParam = text()
  .trim()
  .regex(/^[a-z0-9-]{1,200}$/, "Not a slug: lower-case letters, digits and hyphens");

/** A law's year as the query string gives it. */
export const lawYear = z.coerce.number().int().min(1000).max(2200);

/** A jurisdiction code as a filter: dropped when it cannot be one. */
export const jurisdictionFilter = jurisdictionCode.optional().catch(undefined);

/** A topic's or agent's slug as a filter: dropped when it cannot be one. */
export const slugFilter = slugParam.optional().catch(undefined);

/**
 * The public laws index's query string. Anything unreadable is dropped rather than refused: a
 * shared or hand-edited address still shows the index.
 */
export const lawIndexQuery = z.object({
  jurisdiction: jurisdictionFilter,
  status: z.enum(lawStatuses).optional().catch(undefined),
  type: z.enum(lawTypes).optional().catch(undefined),
  year: lawYear.optional().catch(undefined),
  topic: slugFilter,
  // The laws in whose history a published agent took a step (its page links here).
  agent: slugFilter,
  sort: z.enum(["recent", "title", "year"]).default("recent").catch("recent"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type LawIndexQuery = z.output<typeof lawIndexQuery>;
export type LawFacet = "jurisdiction" | "status" | "type" | "year" | "topic";
/** What narrows the list: the facets, and an agent (not a facet: its page links to the list). */
export type LawFilter = LawFacet | "agent";

/**
 * The index's address with some choices changed: filters and sort in the query string, so any
 * view can be shared. Changing a filter or the sort goes back to page 1; defaults are left out.
 */
export function lawIndexHref(
  query: LawIndexQuery,
  changes: Partial<Record<LawFilter | "sort" | "page", string | number | undefined>>,
): string {
  const next: Record<string, string | number | undefined> = { ...query, ...changes };
  if (!("page" in changes)) next.page = undefined;
  const params = new URLSearchParams();
  for (const key of ["jurisdiction", "status", "type", "year", "topic", "agent", "sort", "page"] as const) {
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
