import { eq, lt, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { cacheInvalidations, publicationClock } from "@/db/schema";
import { publicCacheTag } from "@/modules/public/clock";

/**
 * Records, inside the transaction that changed what readers see (a publication, a withdrawal, or
 * an edit of a name public pages show: a topic, a jurisdiction), which cached pages and reads it
 * made stale. Every instance expires them within a second (modules/system/page-cache-sync.ts);
 * the one that made the change at once. The clock keys the proxy's table of addresses.
 */
export async function tickPublicationClock(tx: Tx, tags: string[] = [publicCacheTag]): Promise<void> {
  await tx
    .update(publicationClock)
    .set({ version: sql`${publicationClock.version} + 1` })
    .where(eq(publicationClock.id, 1));
  await tx.insert(cacheInvalidations).values({ tags });
  // An instance that was away longer than this starts with an empty cache.
  await tx.delete(cacheInvalidations).where(lt(cacheInvalidations.createdAt, sql`now() - interval '1 hour'`));
}
