// Loaded by lib/cache/page-cache.mjs, outside the compiled bundles.
import { expiriesSoFar } from "./expiries.mjs";

/** No render takes this long: an older mark is left by a read that stored nothing. */
const markLifetimeMs = 30_000;
/** Marks left by reads that stored nothing are swept once there are this many. */
const sweepAbove = 10_000;

/**
 * When the render behind a page's next stored copy began, counted in expiries. Next reads the
 * stored copy, finds none (or one that a publication expired), renders, then stores the new copy
 * stamped with the time it was stored: a render that read the database before a publication and
 * was stored after its expiry would be served as current until the next publication. Its copy
 * must not be stored; the reader who asked gets it, and the next request renders again.
 */
export class RenderStarts {
  /** @type {Map<string, { expiries: number, at: number }>} */
  #marks = new Map();

  /** A read of `key`'s stored copy that a render may follow. The earliest mark stands until a store. */
  read(key) {
    const mark = this.#marks.get(key);
    if (mark && Date.now() - mark.at < markLifetimeMs) return;
    if (this.#marks.size >= sweepAbove) this.#sweep();
    this.#marks.set(key, { expiries: expiriesSoFar(), at: Date.now() });
  }

  /** Whether an expiry started or ended since the read that began the render now stored; forgets it. */
  expiredSinceRead(key) {
    const mark = this.#marks.get(key);
    this.#marks.delete(key);
    return mark !== undefined && mark.expiries !== expiriesSoFar();
  }

  #sweep() {
    const now = Date.now();
    for (const [key, { at }] of this.#marks) if (now - at >= markLifetimeMs) this.#marks.delete(key);
  }
}
