import { cssUrls, sitemapLocations, staticHtml } from "./html";
import { get, pool, sitePath } from "./http";
import type { MirrorWriter } from "./manifest";
import { mirrorTarget, relativeLink, searchLink } from "./paths";

/**
 * Fetches every public page reachable from the seeds, breadth first, as a signed-out reader would,
 * and writes each into the mirror (HTML made static, stylesheets with the fonts they name, feeds,
 * the sitemap). A page the last export wrote is asked for with its ETag: on a 304 it is kept, and
 * the crawl goes on with the links recorded for it.
 */
export class Crawler {
  /** Addresses that answered neither a page nor a redirect (a link to them would be broken). */
  readonly missing: string[] = [];
  private readonly queued = new Set<string>();

  constructor(
    private readonly base: URL,
    /** The site's public origin (SITE_URL) and the one crawled: links to either are the site's. */
    private readonly origins: string[],
    private readonly writer: MirrorWriter,
  ) {}

  async run(seeds: string[]) {
    let queue = this.admit(seeds);
    while (queue.length > 0) {
      const found = await pool(queue, 4, ([file, request]) => this.visit(file, request));
      queue = this.admit(found.flat());
    }
  }

  /** The static HTML of a page at `file`; the addresses it links to are queued in `links`. */
  html(file: string, page: string, from: URL, links: string[]): string {
    return staticHtml(page, (raw) => this.link(file, raw, from, links));
  }

  private admit(requests: string[]): [string, string][] {
    const admitted: [string, string][] = [];
    for (const request of requests) {
      const url = new URL(request, this.base);
      const target = mirrorTarget(url.pathname, url.searchParams);
      if (target.kind !== "file" || target.file.startsWith("data/") || this.queued.has(target.file)) continue;
      this.queued.add(target.file);
      admitted.push([target.file, target.request]);
    }
    return admitted;
  }

  private async visit(file: string, request: string): Promise<string[]> {
    const known = this.writer.known(file);
    // Assets are named by their content hash: one already mirrored is never fetched again.
    if (known && file.startsWith("assets/")) return this.kept(file, known);
    const response = await get(this.base, request, known?.etag ? { "if-none-match": known.etag } : {});
    if (response.status === 304 && known) return this.kept(file, known);
    const from = new URL(request, this.base);
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) return this.redirect(file, from, location);
    // A withdrawn item's page says so with a 410: a public page like any other.
    if (response.status !== 200 && response.status !== 410) {
      this.missing.push(`${request} (${response.status})`);
      return [];
    }
    const etag = response.headers.get("etag") ?? undefined;
    const type = response.headers.get("content-type") ?? "";
    const links: string[] = [];
    let bytes: Uint8Array | string;
    if (type.includes("text/html")) bytes = this.html(file, await response.text(), from, links);
    else if (type.includes("text/css")) bytes = this.css(file, await response.text(), from, links);
    else {
      bytes = new Uint8Array(await response.arrayBuffer());
      if (from.pathname === "/sitemap.xml")
        links.push(
          ...sitemapLocations(Buffer.from(bytes).toString("utf8")).flatMap((loc) => sitePath(loc, this.origins) ?? []),
        );
    }
    this.writer.write(file, bytes, { url: request, etag, links });
    return links;
  }

  private kept(file: string, known: NonNullable<ReturnType<MirrorWriter["known"]>>): string[] {
    this.writer.keep(file, known);
    return known.links ?? [];
  }

  /** A moved address: a page that sends the reader on, as the site's 308 does. */
  private redirect(file: string, from: URL, location: string): string[] {
    const links: string[] = [];
    const to = this.link(file, location, from, links) ?? location;
    const escaped = to.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
    const page = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${escaped}"><title>Moved</title></head><body><p>This page has moved: <a href="${escaped}">${escaped}</a></p></body></html>`;
    this.writer.write(file, page, { url: from.pathname + from.search, links });
    return links;
  }

  private css(file: string, css: string, from: URL, links: string[]): string {
    let out = css;
    for (const raw of new Set(cssUrls(css))) {
      const next = this.link(file, raw, from, links);
      if (next !== null && next !== raw) out = out.split(raw).join(next);
    }
    return out;
  }

  /**
   * What a link on `file` becomes: relative to the mirror's file for it (queued in `links`), the
   * mirror's search page for a search, the live site's address for what the mirror leaves out
   * (sign-in, the admin), and unchanged when it leaves the site or is already absolute.
   */
  private link(file: string, raw: string, from: URL, links: string[]): string | null {
    if (!raw || raw.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith("//")) return null;
    const url = new URL(raw, from);
    const rest = url.hash;
    const target = mirrorTarget(url.pathname, url.searchParams);
    if (target.kind === "search") return searchLink(file, target.q) + rest;
    if (target.kind === "file" && target.file.startsWith("data/")) {
      if (this.writer.has(target.file)) return relativeLink(file, target.file, rest);
    } else if (target.kind === "file") {
      links.push(target.request);
      return relativeLink(file, target.file, rest);
    }
    return `${this.origins[0]}${url.pathname}${url.search}${rest}`;
  }
}
