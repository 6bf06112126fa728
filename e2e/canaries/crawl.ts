import type { APIRequestContext } from "@playwright/test";
import { computeCacheBustingSearchParam } from "next/dist/shared/lib/router/utils/cache-busting-search-param.js";
import { htmlParts, unescape, type Finding, type Scanner } from "./scan";

/** Readers' side only: what a signed-out visitor may open, without the auth library and assets. */
const notPublic = /^\/(admin|login|api\/auth|api\/preview|_next)(\/|$|\?)|\.(css|js|woff2?|png|svg|ico|jpe?g)(\?|$)/;
const maxPages = 800;
// Facet links multiply: a few variants of each address's query are enough to reach every item.
const maxVariants = 12;

/** Same-origin addresses in HTML (href), sitemaps (loc), feeds and JSON (absolute URLs), as paths. */
export function linksIn(body: string, origin: string): string[] {
  const text = unescape(body);
  const found = [
    ...[...text.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!),
    ...[...text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!),
    ...[...text.matchAll(/https?:\/\/[^\s"'<>\\{}|^`]+/g)].map((m) => m[0].replace(/[.,;:)\]]+$/, "")),
  ];
  const paths = new Set<string>();
  for (const link of found) {
    let url: URL;
    try {
      url = new URL(link, origin);
    } catch {
      continue;
    }
    if (url.origin !== origin) continue;
    const path = url.pathname + url.search;
    if (!notPublic.test(path)) paths.add(path);
  }
  return [...paths];
}

/**
 * The headers and `_rsc` query a browser's router sends for a page's React Server Components
 * payload: a navigation's (the whole tree, as no state tree is sent), or the route-tree prefetch
 * it makes for every link in view (partialPrefetching). Next.js checks that `_rsc` is the hash of
 * those headers, and redirects otherwise.
 */
export async function rscRequest(path: string, prefetch: boolean) {
  const segment = prefetch ? "/_tree" : undefined;
  const headers: Record<string, string> = {
    RSC: "1",
    ...(prefetch ? { "Next-Router-Prefetch": "1", "Next-Router-Segment-Prefetch": segment! } : {}),
  };
  const hash = await computeCacheBustingSearchParam(prefetch ? "1" : undefined, segment, undefined, undefined);
  const url = new URL(path, "http://localhost");
  url.searchParams.delete("_rsc");
  const query = [url.search.slice(1), hash ? `_rsc=${hash}` : "_rsc"].filter(Boolean).join("&");
  return { url: `${url.pathname}?${query}`, headers };
}

export type CrawlStats = { pages: number; payloads: number; searches: number; probes: number };

/**
 * Fetches every public address reachable from `seeds` (bounded, deduplicated), each page's RSC
 * payloads too, and scans all of it for canaries.
 */
export class Crawler {
  readonly findings: Finding[] = [];
  readonly stats: CrawlStats = { pages: 0, payloads: 0, searches: 0, probes: 0 };
  readonly seen = new Set<string>();
  private readonly variants = new Map<string, number>();

  constructor(
    private readonly request: APIRequestContext,
    private readonly scanner: Scanner,
    private readonly origin: string,
  ) {}

  /** Breadth first, a few requests at a time. Probes (`exact`) are tried even past the variant cap. */
  async crawl(seeds: string[], exact = false) {
    let queue = seeds.filter((path) => this.admit(path, exact));
    while (queue.length > 0) {
      const found = await pool(queue, 6, (path) => this.visit(path));
      queue = found.flat().filter((path) => this.admit(path));
    }
  }

  /** Fetches one address and scans it, without following its links; returns its body. */
  async fetch(path: string, part = "body", headers: Record<string, string> = {}) {
    const response = await this.request.get(path, { headers, maxRedirects: 5, failOnStatusCode: false });
    const body = await response.text();
    const type = response.headers()["content-type"] ?? "";
    const parts = type.includes("text/html") ? htmlParts(body) : [{ part, text: body }];
    for (const { part, text } of parts) this.findings.push(...this.scanner.scan(text, path, part));
    return { body, type, status: response.status() };
  }

  private admit(path: string, exact = false): boolean {
    if (this.seen.has(path) || this.seen.size >= maxPages) return false;
    const bare = path.split("?")[0]!;
    const n = this.variants.get(bare) ?? 0;
    if (path.includes("?") && n >= maxVariants && !exact) return false;
    this.variants.set(bare, n + 1);
    this.seen.add(path);
    return true;
  }

  /**
   * Searches as a reader would. The page repeats the query, so that echo is removed before the scan;
   * and any result at all for a canary is a leak, since nothing published holds one.
   */
  async search(q: string, canary: { text: string; where: string }) {
    this.stats.searches++;
    const path = `/search?q=${encodeURIComponent(q)}`;
    const response = await this.request.get(path, { failOnStatusCode: false });
    const echoes = [q, encodeURIComponent(q), new URLSearchParams({ q }).toString().slice(2)];
    const escaped = echoes.map((e) => e.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
    const page = unescape(await response.text())
      .replace(/<!-- -->/g, "")
      .replace(new RegExp(escaped, "gi"), "");
    this.findings.push(...this.scanner.scan(page, path, "search results"));
    const total = Number(/(\d[\d,]*) results? for/.exec(page)?.[1]?.replace(/,/g, "") ?? 0);
    if (total > 0 && !page.includes("as typed"))
      this.findings.push({
        ...canary,
        canary: canary.text,
        url: path,
        part: "search results",
        context: `${total} results`,
      });
    // The read API's search, the same read in JSON: its answer echoes the words, and counts in `total`.
    const api = `/api/v1/search?q=${encodeURIComponent(q)}`;
    const answer = await this.request.get(api, { failOnStatusCode: false });
    const json = (await answer.text()).replace(new RegExp(escaped, "gi"), "");
    this.findings.push(...this.scanner.scan(json, api, "API search"));
    const found = (answer.ok() ? await answer.json() : {}) as { total?: number; correctedTo?: string | null };
    if ((found.total ?? 0) > 0 && !found.correctedTo)
      this.findings.push({
        ...canary,
        canary: canary.text,
        url: api,
        part: "API search",
        context: `total ${found.total}`,
      });
  }

  private async visit(path: string): Promise<string[]> {
    this.stats.pages++;
    const { body, type } = await this.fetch(path);
    if (type.includes("text/html")) {
      for (const prefetch of [false, true]) {
        const rsc = await rscRequest(path, prefetch);
        const payload = await this.request.get(rsc.url, {
          headers: rsc.headers,
          maxRedirects: 0,
          failOnStatusCode: false,
        });
        // A link written with a trailing slash (/x/) is redirected to its page, crawled as such.
        if (payload.status() >= 300 && payload.status() < 400) continue;
        if (!(payload.headers()["content-type"] ?? "").includes("text/x-component"))
          throw new Error(`No RSC payload for ${rsc.url}: ${payload.status()} ${payload.headers()["content-type"]}`);
        this.stats.payloads++;
        this.findings.push(
          ...this.scanner.scan(await payload.text(), path, prefetch ? "RSC route-tree prefetch" : "RSC"),
        );
      }
    }
    return linksIn(body, this.origin);
  }
}

/** Runs `work` over `items`, `size` at a time. */
export async function pool<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
}
