// Plain JavaScript: lib/cache/page-cache.mjs loads it outside the compiled bundles.

/**
 * What shared caches in front (nginx, a CDN) may do with a page stored whole: keep it a second,
 * then serve the old copy for up to a minute while they ask again. Short, so that publish → visible
 * stays honest; Next would otherwise advertise the page's own lifetime (days).
 */
export const sharedCacheControl = "public, max-age=0, s-maxage=1, stale-while-revalidate=59";

/**
 * The element a page carries to be stored with a status of its own: a withdrawn item's page
 * (components/public/withdrawn.tsx) and an old or merged item's address (components/public/moved.tsx).
 * A page cannot set its status, and these pages are served without the proxy's lookups; the page
 * cache reads the marker once, when it stores the page. Next's own permanentRedirect() is not used
 * for stored pages: it sends the Location header twice on the request that renders the page.
 */
export const statusMarker = "marginalia:status";

const marker = new RegExp(`<meta name="${statusMarker}" content="(410|308 [^"<>]+)"/>`);

/** The status and extra headers a stored page is served with, read from its HTML; null for a 200. */
export function storedPageStatus(html) {
  const [, content] = marker.exec(html) ?? [];
  if (!content) return null;
  if (content === "410") return { status: 410, headers: { "x-robots-tag": "noindex" } };
  const location = content.slice(4).replaceAll("&amp;", "&");
  return { status: 308, headers: { location } };
}
