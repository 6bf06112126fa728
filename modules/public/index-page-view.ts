import { z } from "zod";
import { articlesIndexQuery } from "./articles-index-url";
import { lawIndexQuery } from "./law-index-url";
import { searchQuery } from "./search-url";

/**
 * The index pages are stored whole, like an item's (docs/adr/0007-pages-stored-whole.md), one
 * stored page per distinct view. A page stored once cannot read the query string, so proxy.ts
 * rewrites each index address to an internal path, `/index-views/<index>/<view>`, whose last
 * segment is the query string as the page reads it: through the page's own schema (so what the
 * page ignores or drops is not in it), defaults left out, parameters in one order. `?b=2&a=1` and
 * `?a=1&b=2`, `?jurisdiction=kg` and `?jurisdiction=KG`, `?page=1` and nothing, are one page.
 */
export const indexViewsRoot = "/index-views";

const noQuery = z.object({});

// Each index: its public address and what its query string can hold. `normalize` drops what the
// page would not show (a search without words ignores its filters).
const indexes = {
  home: { address: "/", query: noQuery },
  laws: { address: "/laws", query: lawIndexQuery },
  articles: { address: "/articles", query: articlesIndexQuery },
  topics: { address: "/topics", query: noQuery },
  jurisdictions: { address: "/jurisdictions", query: noQuery },
  search: {
    address: "/search",
    query: searchQuery,
    normalize: (query: z.output<typeof searchQuery>) => (query.q ? query : searchQuery.parse({})),
  },
} as const;

export type IndexName = keyof typeof indexes;
type Query<N extends IndexName> = z.output<(typeof indexes)[N]["query"]>;

/** The view segment of an index with no parameters; every other view is "q" and base64url. */
const plainView = "all";

/** The segment `generateStaticParams` names for the build: it renders the not-found page. */
export const unnamedView = "-";

/**
 * What proxy.ts does with a path: the internal path that renders the index view it asks for,
 * "not-found" for an internal path asked for directly (it is not an address), or null for any
 * other path.
 */
export function indexViewRewrite(pathname: string, query: URLSearchParams): string | "not-found" | null {
  if (pathname === indexViewsRoot || pathname.startsWith(`${indexViewsRoot}/`)) return "not-found";
  const address = pathname.length > 1 ? pathname.replace(/\/$/, "") : pathname;
  const name = (Object.keys(indexes) as IndexName[]).find((n) => indexes[n].address === address);
  if (!name) return null;
  const raw = Object.fromEntries(
    Object.keys(indexes[name].query.shape).map((key) => [key, query.get(key) ?? undefined]),
  );
  return `${indexViewsRoot}/${name}/${viewSegment(name, parse(name, raw))}`;
}

/**
 * The query a view segment stands for, or null for a segment the proxy would not make (the
 * build's placeholder, or a hand-made one): the page answers it with not-found.
 */
export function indexView<N extends IndexName>(name: N, segment: string): Query<N> | null {
  let search: string;
  if (segment === plainView) search = "";
  else if (/^q[A-Za-z0-9_-]+$/.test(segment)) search = Buffer.from(segment.slice(1), "base64url").toString("utf8");
  else return null;
  const params = new URLSearchParams(search);
  const query = parse(name, Object.fromEntries(params));
  return viewSegment(name, query) === segment ? query : null;
}

function parse<N extends IndexName>(name: N, raw: Record<string, string | undefined>): Query<N> {
  const index = indexes[name];
  const query = index.query.parse(raw) as Query<N>;
  return "normalize" in index ? (index.normalize(query as Query<"search">) as Query<N>) : query;
}

/** The canonical segment of a parsed view: its parameters in the schema's order, defaults left out. */
function viewSegment<N extends IndexName>(name: N, query: Query<N>): string {
  const schema = indexes[name].query;
  const defaults: Record<string, unknown> = schema.parse({});
  const params = new URLSearchParams();
  for (const key of Object.keys(schema.shape)) {
    const value = (query as Record<string, unknown>)[key];
    if (value === undefined || value === "" || value === defaults[key]) continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `q${Buffer.from(search, "utf8").toString("base64url")}` : plainView;
}
