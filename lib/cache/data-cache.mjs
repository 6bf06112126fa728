// Loaded by `next start` itself (next.config.ts `cacheHandlers`), outside the compiled bundles.
import defaultHandlerModule from "next/dist/server/lib/cache-handlers/default.js";
import { countExpiry } from "./expiries.mjs";
import { enableServedRenderings, forgetServedRenderings } from "./served-renderings.mjs";

const { createDefaultCacheHandler } = defaultHandlerModule;

// The same bound Next gives its own in-memory default: what readers get in RSS, not more.
const handler = createDefaultCacheHandler(64 * 1024 * 1024);

/**
 * Next's in-memory "use cache" store, reachable from the app: modules/system/page-cache-sync.ts expires
 * its tags when a publication (on this instance or another) says so. Expiring a tag here also
 * expires every stored page that carries it, since pages and reads share Next's tag manifest, and
 * the route handlers' renderings kept in front of this store (lib/cache/served-renderings.mjs).
 * Counted (lib/cache/expiries.mjs) so that a page whose render began before cannot be stored after,
 * and a page stored before is stale whatever Next's clocks say.
 */
globalThis[Symbol.for("marginalia.cache")] = {
  async expire(tags) {
    countExpiry(tags);
    forgetServedRenderings();
    await handler.updateTags(tags);
    forgetServedRenderings();
    countExpiry(tags);
  },
};
enableServedRenderings();

export default handler;
