import path from "node:path/posix";

/**
 * Where an address of the public site lives in the static mirror. Every file name is explicit
 * (`laws/index.html`, never `laws/`), since a folder does not open its index.html under file://,
 * and every link is relative, so that the mirror works under any path prefix.
 *
 * - a page: `/laws/kg/x` is `laws/kg/x/index.html`; its query string is part of the file name,
 *   parameters in alphabetical order: `/laws?page=2` is `laws/index.page-2.html`;
 * - an asset: `/_next/static/chunks/a.css` is `assets/chunks/a.css` (an underscore folder is
 *   hidden by some hosts), `/icon.svg?v1` is `icon.svg`;
 * - a feed keeps its query: `/feed.xml?kind=law` is `feed.kind-law.xml`;
 * - the read API's lists and items are the JSON dump: `/api/v1/laws` is `data/laws.json`.
 */
export type MirrorTarget =
  /** `request` is the address to fetch: the path and the query parameters that were kept. */
  | { kind: "file"; file: string; request: string }
  | { kind: "search"; q: string }
  /** Not in the mirror (sign-in, admin, the live API): links to it go to the live site. */
  | { kind: "outside" };

export const searchPageFile = "search/index.html";

// The filters of the index pages: a link with more than one (or one and a sort) points at the
// unfiltered index, since every combination would be a page of its own.
const indexChoices: Record<string, string[]> = {
  "/laws": ["jurisdiction", "status", "type", "year", "topic", "agent", "sort"],
  "/articles": ["kind", "topic", "jurisdiction", "agent"],
};
const lawPage = /^\/laws\/[^/]+\/[^/]+$/;
const outside = /^\/(admin|login|preview|index-views|api\/auth|api\/preview)(\/|$)/;

/** The mirror's place for a site-relative address (path and query), by the rules above. */
export function mirrorTarget(pathname: string, search: URLSearchParams | string = ""): MirrorTarget {
  const query = typeof search === "string" ? new URLSearchParams(search) : search;
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (outside.test(trimmed)) return { kind: "outside" };
  if (trimmed === "/search") return { kind: "search", q: query.get("q") ?? "" };
  if (trimmed.startsWith("/_next/static/"))
    return file(`/assets/${trimmed.slice("/_next/static/".length)}`, [], trimmed);
  if (trimmed.startsWith("/api/")) return apiTarget(trimmed);
  if (trimmed === "/feed.xml") return file(trimmed, [...query]);
  if (/\.[a-z0-9]+$/i.test(trimmed)) return file(trimmed, []);
  return file(trimmed, pageQuery(trimmed, query));
}

function apiTarget(pathname: string): MirrorTarget {
  const match = /^\/api\/v1\/(.+)$/.exec(pathname);
  if (!match) return { kind: "outside" };
  return file(`/data/${match[1]!.replace(/\.json$/, "")}.json`, [], pathname);
}

/** The parameters of a page's query string that make a page of their own in the mirror. */
function pageQuery(pathname: string, query: URLSearchParams): [string, string][] {
  const choices = indexChoices[pathname];
  if (choices) {
    const chosen = choices.filter((key) => query.get(key));
    if (chosen.length > 1) return [];
    const page = query.get("page");
    const kept: [string, string][] = chosen.map((key) => [key, query.get(key)!]);
    return page && page !== "1" ? [...kept, ["page", page]] : kept;
  }
  if (lawPage.test(pathname))
    return ["version", "text"].filter((key) => query.get(key)).map((key) => [key, query.get(key)!]);
  return [];
}

function file(pathname: string, query: [string, string][], request = pathname): MirrorTarget {
  const search = new URLSearchParams(query).toString();
  return { kind: "file", file: fileName(pathname, query), request: search ? `${request}?${search}` : request };
}

/** The file for a path and the query parameters kept (see mirrorTarget). */
export function fileName(pathname: string, query: [string, string][]): string {
  const segments = pathname.split("/").filter(Boolean).map(decodeSegment).map(safeSegment);
  const suffix = [...query]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `.${escape(key, /^[A-Za-z0-9_]$/)}-${safeQueryPart(value)}`)
    .join("");
  const last = segments.at(-1);
  const extension = last ? /(\.[a-z0-9]+)$/i.exec(last) : null;
  if (extension && last) {
    segments[segments.length - 1] = last.slice(0, -extension[1]!.length) + suffix + extension[1];
    return segments.join("/");
  }
  return [...segments, `index${suffix}.html`].join("/");
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

// Letters, digits, dot, hyphen and underscore are safe in a file name and an address everywhere;
// anything else (a tilde too, which escapes) is written `~XX` per UTF-8 byte, so two addresses never
// share a file. In the query part of a name the dot separates parameters and a key's first hyphen
// its value, so those are escaped too.
const escape = (text: string, safe: RegExp) =>
  Array.from(text)
    .map((c) =>
      safe.test(c)
        ? c
        : Array.from(Buffer.from(c, "utf8"), (b) => `~${b.toString(16).toUpperCase().padStart(2, "0")}`).join(""),
    )
    .join("");
const safeSegment = (segment: string) => {
  const escaped = escape(segment, /^[A-Za-z0-9._-]$/);
  return escaped.startsWith(".") ? `~2E${escaped.slice(1)}` : escaped;
};
const safeQueryPart = (text: string) => escape(text, /^[A-Za-z0-9_-]$/);

/** The relative link from one mirror file to another (with an optional `?query` or `#fragment`). */
export function relativeLink(fromFile: string, toFile: string, rest = ""): string {
  const relative = path.relative(path.dirname(fromFile), toFile) || path.basename(toFile);
  return relative + rest;
}

/** The link from a mirror file to the search page, with the words to search for. */
export function searchLink(fromFile: string, q: string): string {
  return relativeLink(fromFile, searchPageFile, q ? `?${new URLSearchParams({ q })}` : "");
}
