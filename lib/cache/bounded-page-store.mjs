// Loaded by lib/cache/page-cache.mjs, outside the compiled bundles.
import tagsManifestModule from "next/dist/server/lib/incremental-cache/tags-manifest.external.js";

const { areTagsExpired } = tagsManifestModule.default ?? tagsManifestModule;

/**
 * Stored pages kept in memory only, within a byte budget: when a page would go over it, the pages
 * read least recently go first. For views that readers can make up without end (a search's words,
 * any page number of a list): the views readers share stay while they are read, and made-up ones
 * cost no disk and cannot push out the item pages in Next's own cache.
 */
export class BoundedPageStore {
  /** Insertion order is recency: a read moves its entry to the end, eviction takes from the front. */
  #entries = new Map();
  #bytes = 0;

  constructor(maxBytes) {
    this.maxBytes = maxBytes;
  }

  get bytes() {
    return this.#bytes;
  }

  get size() {
    return this.#entries.size;
  }

  /** The stored entry as Next's cache handlers answer it, or null (none, or a tag of it expired). */
  get(key) {
    const stored = this.#entries.get(key);
    if (!stored) return null;
    const tags = stored.entry.value?.headers?.["x-next-cache-tags"];
    if (typeof tags === "string" && areTagsExpired(tags.split(","), stored.entry.lastModified)) {
      this.delete(key);
      return null;
    }
    this.#entries.delete(key);
    this.#entries.set(key, stored);
    return stored.entry;
  }

  set(key, entry) {
    this.delete(key);
    const bytes = key.length + sizeOf(entry.value);
    // One page over the whole budget would only push every other out.
    if (bytes > this.maxBytes) return;
    this.#entries.set(key, { entry, bytes });
    this.#bytes += bytes;
    for (const [oldest, { bytes: size }] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= size;
    }
  }

  delete(key) {
    const stored = this.#entries.get(key);
    if (!stored) return;
    this.#entries.delete(key);
    this.#bytes -= stored.bytes;
  }
}

/** About what a page holds in memory: its HTML, its payload and its prefetch segments (as Next counts). */
function sizeOf(value) {
  if (!value || value.kind !== "APP_PAGE") return 1;
  let bytes = (value.html?.length ?? 0) + (value.rscData?.length ?? 0) + (value.postponed?.length ?? 0);
  for (const [path, buffer] of value.segmentData ?? []) bytes += path.length + (buffer?.length ?? 0);
  return Math.max(1, bytes);
}
