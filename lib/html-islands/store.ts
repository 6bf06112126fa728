/**
 * HTML that a server component hands to the server rendering of a client component without
 * writing it into the RSC payload (components/ui/html-island.tsx says why). Both renderings run in
 * one process, one after the other within a request, but in separately bundled module graphs: so
 * the store hangs on globalThis. An entry lives long enough for the render that follows the one
 * that put it there (timed by the monotonic clock: a prerender may not read the date), and the
 * store has a budget, so that a crawler reading thousands of laws cannot make it grow.
 */
type Entry = { html: string; expires: number };

const lifetimeMs = 60_000;
const budgetBytes = 16 * 1024 * 1024;

const shared = globalThis as { [key: symbol]: unknown };
const storeKey = Symbol.for("marginalia.htmlIslands");
const store = (shared[storeKey] ??= { entries: new Map<string, Entry>(), bytes: 0 }) as {
  entries: Map<string, Entry>;
  bytes: number;
};

const sizeOf = (html: string) => html.length * 2;

function remove(key: string) {
  const entry = store.entries.get(key);
  if (!entry) return;
  store.entries.delete(key);
  store.bytes -= sizeOf(entry.html);
}

/** Keep `html` under `key` (a hash of it) for the server rendering of this request. */
export function keepIslandHtml(key: string, html: string, now = performance.now()) {
  remove(key);
  store.entries.set(key, { html, expires: now + lifetimeMs });
  store.bytes += sizeOf(html);
  // Oldest first: a Map iterates in insertion order, and a key kept again went to the end above.
  for (const [oldKey, entry] of store.entries) {
    if (oldKey === key || (entry.expires > now && store.bytes <= budgetBytes)) break;
    remove(oldKey);
  }
}

/** The HTML kept under `key`, or undefined once it has expired or was never kept. */
export function keptIslandHtml(key: string, now = performance.now()): string | undefined {
  const entry = store.entries.get(key);
  return entry && entry.expires > now ? entry.html : undefined;
}
