// Loaded by `next start` itself (next.config.ts `cacheHandler`), outside the compiled bundles.
import FileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import tagsManifestModule from "next/dist/server/lib/incremental-cache/tags-manifest.external.js";
import { contentSecurityPolicy, inlineScriptHashes } from "../content-security-policy.mjs";
import { sharedCacheControl, storedPageStatus } from "../http/stored-page.mjs";
import { BoundedPageStore } from "./bounded-page-store.mjs";
import { expiredSince, expiriesSoFar } from "./expiries.mjs";
import { mergeAdjacentScripts } from "./merged-scripts.mjs";
import { oneByteHtml } from "./one-byte-html.mjs";
import { RenderStarts } from "./render-starts.mjs";

const FileSystemCache = FileSystemCacheModule.default ?? FileSystemCacheModule;
const { areTagsExpired } = tagsManifestModule.default ?? tagsManifestModule;

/** The count of expiries (lib/cache/expiries.mjs) a copy kept in memory was current at. */
const storedAtExpiry = Symbol.for("marginalia.storedAtExpiry");

const megabytes = 1024 * 1024;

/**
 * The index views that readers can make up without end (modules/public/index-page-view.ts: the
 * internal paths of /search, /laws and /articles, whose words, filters and page numbers are free)
 * are kept in memory only, each kind within a budget of its own, so that made-up searches never
 * push out the laws index's views (docs/adr/0007-pages-stored-whole.md). On globalThis: one store
 * per process, however often this file is loaded.
 */
const memoryOnly = (globalThis[Symbol.for("marginalia.boundedPages")] ??= [
  { path: /\/\$\/index-views\/search\//, store: new BoundedPageStore(16 * megabytes) },
  { path: /\/\$\/index-views\/(laws|articles)\//, store: new BoundedPageStore(16 * megabytes) },
]);

const renderStarts = (globalThis[Symbol.for("marginalia.renderStarts")] ??= new RenderStarts());

// The cache keys of the public pages that are always rendered whole (ADR 0007).
const storedWhole = /\/\$\/(laws|articles|agents|topics|jurisdictions|index-views)\//;

/** The bounded store a page's cache key belongs to, or undefined for a page stored like any other. */
export const boundedStoreOf = (key) => memoryOnly.find(({ path }) => path.test(key))?.store;

/**
 * Next's own page cache (in memory, and on disk under .next), with what a page stored whole needs,
 * since most are served without the proxy (proxy.ts `config.matcher`); Next sends the stored
 * status and headers with every copy, the first one included:
 * - its Content-Security-Policy, which allows exactly its own inline scripts by their hashes (a
 *   page served byte for byte cannot carry a per-request nonce: docs/adr/0006-content-security-policy.md);
 * - a Cache-Control for shared caches in front;
 * - 410 Gone for a withdrawn item's page;
 * - its HTML as a one-byte string where that is cheap (lib/cache/one-byte-html.mjs), with its
 *   adjacent inline scripts merged so that the policy stays short (lib/cache/merged-scripts.mjs).
 * A 404 is not stored: anyone can ask for any address, and each would take a file on disk. Nor is
 * a public page that came out as a shell with a hole to fill per request: when a publication
 * expires a cached read between Next's two render passes, Next leaves a hole there rather than
 * store a broken read ("Unexpected cache miss after cache warming phase"); the reader who asked
 * gets the whole page, and the next one renders it again. Nor is a page whose render began before
 * a publication's expiry and ended after it (lib/cache/render-starts.mjs).
 *
 * A copy is stale once a tag it carries expires after it was stored, judged by the count of
 * expiries rather than by Next's clocks (lib/cache/expiries.mjs `expiredSince`).
 */
export default class PageCache extends FileSystemCache {
  async get(...args) {
    const bounded = boundedStoreOf(args[0]);
    let entry = bounded ? bounded.get(args[0]) : await super.get(...args);
    if (entry && staleCopy(entry)) {
      bounded?.delete(args[0]);
      entry = null;
    }
    if (!entry || pastRevalidate(entry)) renderStarts.read(args[0]);
    // Pages written by `next build` were stored before this handler saw them.
    if (entry?.value) prepareStoredPage(entry.value);
    return entry;
  }

  async set(key, data, ctx) {
    if (process.env.DEBUG_PAGE_CACHE) console.log("page-cache set", key, data?.headers?.["x-next-cache-tags"]);
    // The same object becomes the first reader's response: what is added goes out with it too.
    if (data) prepareStoredPage(data);
    if (renderStarts.expiredSinceRead(key)) {
      if (process.env.DEBUG_PAGE_CACHE) console.log("page-cache not stored: rendered across an expiry", key);
      return;
    }
    if (data?.kind === "APP_PAGE" && (data.status === 404 || (data.postponed && storedWhole.test(key)))) return;
    // Kept on the object Next holds in memory; a copy read back from disk goes by the clocks.
    if (data) data[storedAtExpiry] = expiriesSoFar();
    const bounded = boundedStoreOf(key);
    if (!bounded) return super.set(key, data, ctx);
    if (data) bounded.set(key, { value: data, lastModified: Date.now(), cacheControl: ctx.cacheControl });
    else bounded.delete(key);
  }
}

/**
 * Whether a tag of the stored copy expired after it was stored: by the count of expiries for a
 * copy this process stored, or by the clocks for one read from disk, the wall clock's lead over the
 * performance clock that expiries are stamped with taken off.
 */
function staleCopy({ value, lastModified }) {
  const header = value?.headers?.["x-next-cache-tags"];
  if (typeof header !== "string") return false;
  const tags = header.split(",");
  const storedAt = value[storedAtExpiry];
  if (storedAt !== undefined) return expiredSince(tags, storedAt);
  const wallClockLead = Date.now() - (performance.timeOrigin + performance.now());
  return areTagsExpired(tags, lastModified - wallClockLead);
}

/** Next serves a copy past its revalidate time once more and renders the next one meanwhile. */
function pastRevalidate({ lastModified, cacheControl }) {
  const seconds = cacheControl?.revalidate;
  if (seconds === false) return false;
  return typeof seconds !== "number" || lastModified + seconds * 1000 <= Date.now();
}

function prepareStoredPage(value) {
  // A prerendered shell whose rest streams per request takes the request's nonce instead (proxy.ts).
  if (value.kind !== "APP_PAGE" || typeof value.html !== "string" || value.postponed) return;
  value.headers ??= {};
  if (value.headers["content-security-policy"]) return;
  value.html = mergeAdjacentScripts(oneByteHtml(value.html));
  value.headers["content-security-policy"] = contentSecurityPolicy({
    hashes: inlineScriptHashes(value.html),
    development: false,
    https: (process.env.SITE_URL ?? "").startsWith("https:"),
  });
  value.headers["cache-control"] = sharedCacheControl;
  const stored = storedPageStatus(value.html);
  if (stored) {
    value.status = stored.status;
    Object.assign(value.headers, stored.headers);
  }
}
