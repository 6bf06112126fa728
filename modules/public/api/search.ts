import type { Db } from "@/db";
import { encodeCursor } from "@/lib/api/cursor";
import { readSearch, type SearchHit } from "@/modules/public/search";
import { searchResultsSchema, type SearchApiQuery, type SearchResults } from "./schemas/search";

/*
 * The search the /search page runs (modules/public/search.ts: the public index, live items only,
 * and approved figures a page shows), in the API's shape. Results are ranked, not in publication
 * order, so pages go on by number, wrapped in the API's opaque cursor.
 */

/** A page of the published items that match, with the figures and facet counts the page shows. */
export async function readSearchResults(db: Db, query: SearchApiQuery, origin: string): Promise<SearchResults> {
  const page = query.cursor?.page ?? 1;
  const found = await readSearch(db, { q: query.q, type: query.type, jurisdiction: query.jurisdiction, page });
  const params = new URLSearchParams({ q: query.q });
  if (query.type) params.set("type", query.type);
  if (query.jurisdiction) params.set("jurisdiction", query.jurisdiction);
  params.set("cursor", encodeCursor({ page: page + 1 }));
  return searchResultsSchema.parse({
    query: query.q,
    correctedTo: found.correctedTo,
    total: found.total,
    capped: found.capped,
    data: found.hits.map((hit) => ({
      type: hit.type,
      kind: hit.kind,
      title: hit.title,
      alsoKnownAs: hit.alsoKnownAs,
      snippet: hit.snippet,
      jurisdictions: hit.jurisdictionCodes,
      url: origin + hit.path,
      api: origin + apiPathOf(hit),
      foundIn: hit.foundIn && {
        name: hit.foundIn.name,
        kind: hit.foundIn.kind,
        mediaType: hit.foundIn.mediaType,
        page: hit.foundIn.page,
        url: origin + hit.foundIn.href,
      },
    })),
    figures: found.figures.hits.map((figure) => ({
      label: figure.label,
      value: figure.value,
      unit: figure.unit,
      asOf: figure.asOf,
      disputed: figure.disputed,
      note: figure.note,
      jurisdiction: figure.jurisdictionCode,
      url: origin + figure.path,
      api: `${origin}/api/v1/figures/${anchored(figure.path, "figure")}`,
    })),
    facets: found.facets,
    next: page < found.pageCount ? `${origin}/api/v1/search?${params}` : null,
  });
}

/** A hit's record in this API: an item's page under /api/v1, an annotation's by its id. */
function apiPathOf(hit: SearchHit): string {
  if (hit.type === "annotation") return `/api/v1/annotations/${anchored(hit.path, "annotation")}`;
  return `/api/v1${hit.path}`;
}

/** The id in a page's anchor: /laws/kg/its-slug#figure-12 → 12. */
const anchored = (path: string, kind: string) => path.slice(path.lastIndexOf(`#${kind}-`) + kind.length + 2);
