/**
 * The query parameters that make an index view other than its plain one: the keys of the laws',
 * the articles' and search's query schemas together (modules/public/index-page-view.ts). Without
 * any of them an index page shows its plain view, which next.config.ts rewrites to without the
 * proxy, as it does for an item's page. proxy.ts's matcher names each key again, since Next reads
 * that config without running it; tests/index-view-keys.test.ts keeps the three in step.
 */
export const indexViewKeys = ["q", "jurisdiction", "status", "type", "year", "topic", "agent", "kind", "sort", "page"];

/** The index pages' addresses and the internal path of each one's plain view. */
const plainViews = {
  "/": "/index-views/home/all",
  "/topics": "/index-views/topics/all",
  "/jurisdictions": "/index-views/jurisdictions/all",
  "/laws": "/index-views/laws/all",
  "/articles": "/index-views/articles/all",
  "/search": "/index-views/search/all",
};

/** next.config.ts `rewrites().beforeFiles`: an index page asked for with no key that names a view. */
export function plainIndexRewrites() {
  const missing = indexViewKeys.map((key) => ({ type: "query" as const, key }));
  return Object.entries(plainViews).map(([source, destination]) => ({ source, destination, missing }));
}
