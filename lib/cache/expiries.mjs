// Plain JavaScript: loaded by the cache handlers that `next start` loads itself, outside the
// compiled bundles; every copy reaches the one count on globalThis.
const state = (globalThis[Symbol.for("marginalia.expiries")] ??= { count: 0 });

/** Counts an expiry of tags (lib/cache/data-cache.mjs calls it as one starts and as it ends). */
export function countExpiry() {
  state.count += 1;
}

/** How many expiries have started or ended so far: a render that saw it change read before one. */
export function expiriesSoFar() {
  return state.count;
}
