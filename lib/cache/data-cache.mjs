// Loaded by `next start` itself (next.config.ts `cacheHandlers`), outside the compiled bundles.
import defaultHandlerModule from "next/dist/server/lib/cache-handlers/default.js";

const { createDefaultCacheHandler } = defaultHandlerModule;

// The same bound Next gives its own in-memory default: what readers get in RSS, not more.
const handler = createDefaultCacheHandler(64 * 1024 * 1024);

/**
 * Next's in-memory "use cache" store, reachable from the app: modules/system/page-cache-sync.ts expires
 * its tags when a publication (on this instance or another) says so. Expiring a tag here also
 * expires every stored page that carries it, since pages and reads share Next's tag manifest.
 */
globalThis[Symbol.for("marginalia.cache")] = {
  expire: (tags) => handler.updateTags(tags),
};

export default handler;
