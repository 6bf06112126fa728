// Loaded by `next start` itself (next.config.ts `cacheHandler`), outside the compiled bundles.
import FileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import { contentSecurityPolicy, inlineScriptHashes } from "../content-security-policy.mjs";

const FileSystemCache = FileSystemCacheModule.default ?? FileSystemCacheModule;

/**
 * Next's own page cache (in memory, and on disk under .next), with one addition: a page stored
 * whole carries its Content-Security-Policy, which allows exactly its own inline scripts by their
 * hashes. A page served byte for byte from the cache cannot carry a per-request nonce
 * (docs/adr/0006-content-security-policy.md); Next sends the stored headers with every copy.
 */
export default class PageCache extends FileSystemCache {
  async get(...args) {
    const entry = await super.get(...args);
    // Pages written by `next build` were stored before this handler saw them.
    if (entry?.value) withPolicy(entry.value);
    return entry;
  }

  async set(key, data, ctx) {
    if (process.env.DEBUG_PAGE_CACHE) console.log("page-cache set", key, data?.headers?.["x-next-cache-tags"]);
    // The same object becomes the first reader's response: the policy goes out with it too.
    if (data) withPolicy(data);
    return super.set(key, data, ctx);
  }
}

function withPolicy(value) {
  // A prerendered shell whose rest streams per request takes the request's nonce instead (proxy.ts).
  if (value.kind !== "APP_PAGE" || typeof value.html !== "string" || value.postponed) return;
  value.headers ??= {};
  if (value.headers["content-security-policy"]) return;
  value.headers["content-security-policy"] = contentSecurityPolicy({
    hashes: inlineScriptHashes(value.html),
    development: false,
    https: (process.env.SITE_URL ?? "").startsWith("https:"),
  });
}
