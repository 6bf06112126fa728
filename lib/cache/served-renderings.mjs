// Plain JavaScript: lib/cache/data-cache.mjs loads it outside the compiled bundles, and the route
// handlers inside them; both reach the one store on globalThis.

const maxBytes = 16 * 1024 * 1024;
/** A safety net for an expiry that did not pass through here: the "use cache" store is asked again. */
const maxAgeMs = 60_000;

/**
 * The route handlers' renderings (feeds, sitemap files, robots.txt, the read API) as last served,
 * in front of the "use cache" store they come from: a hit there decodes the stored entry again on
 * every request, which for a 74 KB feed costs more than the rest of the request. Any expiry of any
 * tag empties it (a publication is rare; the "use cache" store keeps the precise invalidation), and
 * a rendering read while an expiry ran is not kept. Off until the cache handler that expires tags
 * turns it on (`next start`); without it (next dev, tests) nothing would ever empty it.
 */
const state = (globalThis[Symbol.for("marginalia.servedRenderings")] ??= {
  enabled: false,
  generation: 0,
  entries: new Map(),
  bytes: 0,
});

/** On in `next start` (lib/cache/data-cache.mjs); a test turns it off again after itself. */
export function enableServedRenderings(enabled = true) {
  state.enabled = enabled;
}

/** Forgets every rendering, and any being read now: called before and after tags expire. */
export function forgetServedRenderings() {
  state.generation += 1;
  state.entries.clear();
  state.bytes = 0;
}

/** The rendering last served for `key`, or `produce()`'s, kept for the next request. */
export async function servedRendering(key, produce) {
  if (!state.enabled) return produce();
  const kept = state.entries.get(key);
  if (kept && Date.now() - kept.at < maxAgeMs) {
    // Insertion order is recency: eviction takes from the front.
    state.entries.delete(key);
    state.entries.set(key, kept);
    return kept.rendering;
  }
  const generation = state.generation;
  const rendering = await produce();
  if (generation === state.generation) keep(key, rendering);
  return rendering;
}

function keep(key, rendering) {
  forget(key);
  const bytes = key.length + rendering.body.length;
  if (bytes > maxBytes) return;
  state.entries.set(key, { rendering, bytes, at: Date.now() });
  state.bytes += bytes;
  for (const [oldest, { bytes: size }] of state.entries) {
    if (state.bytes <= maxBytes) break;
    state.entries.delete(oldest);
    state.bytes -= size;
  }
}

function forget(key) {
  const kept = state.entries.get(key);
  if (!kept) return;
  state.entries.delete(key);
  state.bytes -= kept.bytes;
}
