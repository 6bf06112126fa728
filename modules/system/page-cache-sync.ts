import { gt, max } from "drizzle-orm";
import { getDatabase } from "@/db";
import { cacheInvalidations } from "@/db/schema";
import { describeError } from "@/lib/describe-error";

type CacheControl = { expire(tags: string[]): Promise<void> };
type SyncState = { lastId?: number; running?: Promise<void>; timer?: NodeJS.Timeout };

// On globalThis: the scheduler, the server actions and this poller are separate bundles in one process.
const state = ((globalThis as { __marginaliaCacheSync?: SyncState }).__marginaliaCacheSync ??= {});

/** How often an instance looks for publications made by the others: the delay before they show. */
const pollMs = 250;

/**
 * Expires, on this instance, the cached pages and reads that publications since the last look made
 * stale, on this instance or any other sharing the database (lib/cache/data-cache.mjs keeps them).
 * Calls made while one is running share it.
 */
export function syncPageCache(): Promise<void> {
  state.running ??= readInvalidations().finally(() => (state.running = undefined));
  return state.running;
}

/**
 * Resolves once this instance has expired what every publication committed before the call made
 * stale. A server action that published awaits it before it answers: pages stored whole are served
 * without a query, so nothing else orders the editor's next look after the expiry.
 */
export async function pageCacheCaughtUp(): Promise<void> {
  // A run already going may have read the invalidations before this publication's row.
  await state.running?.catch(() => undefined);
  await syncPageCache();
}

async function readInvalidations(): Promise<void> {
  const control = (globalThis as Record<symbol, CacheControl | undefined>)[Symbol.for("marginalia.cache")];
  // Without the handler (next dev, tests, scripts) nothing is stored whole: there is nothing to expire.
  if (!control) return;
  const { db } = await getDatabase();
  if (state.lastId === undefined) {
    // Nothing is cached before the first look: only what comes after matters.
    const [row] = await db.select({ last: max(cacheInvalidations.id) }).from(cacheInvalidations);
    state.lastId = row?.last ?? 0;
    return;
  }
  const rows = await db
    .select({ id: cacheInvalidations.id, tags: cacheInvalidations.tags })
    .from(cacheInvalidations)
    .where(gt(cacheInvalidations.id, state.lastId))
    .orderBy(cacheInvalidations.id);
  if (rows.length === 0) return;
  state.lastId = rows.at(-1)!.id;
  const tags = [...new Set(rows.flatMap((row) => row.tags))];
  await control.expire(tags);
}

/** Starts looking for other instances' publications, in the server process only. */
export function startPageCacheSync(): void {
  if (state.timer) return;
  state.timer = setInterval(() => {
    syncPageCache().catch((error) => console.error(`Marginalia: cache sync failed: ${describeError(error)}`));
  }, pollMs);
  state.timer.unref();
}
