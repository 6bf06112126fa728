// Plain JavaScript: loaded by the cache handlers that `next start` loads itself, outside the
// compiled bundles; every copy reaches the one count on globalThis.
const state = (globalThis[Symbol.for("marginalia.expiries")] ??= { count: 0, tags: new Map() });

/**
 * Counts an expiry of tags (lib/cache/data-cache.mjs calls it as one starts and as it ends), and
 * remembers the count at which each tag last expired: a copy stored while one ran is stale too.
 */
export function countExpiry(tags = []) {
  state.count += 1;
  for (const tag of tags) state.tags.set(tag, state.count);
}

/** How many expiries have started or ended so far: a render that saw it change read before one. */
export function expiriesSoFar() {
  return state.count;
}

/**
 * Whether any of `tags` expired after the count `since`. Next stamps a stored page with the wall
 * clock (Date.now) and an expiry with the performance clock, which drift apart over a server's life
 * (by seconds on a virtual machine): compared, a page stored shortly before a publication could
 * outlive it. Counts have no clock.
 */
export function expiredSince(tags, since) {
  return tags.some((tag) => (state.tags.get(tag) ?? 0) > since);
}
