import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { publicationClock } from "@/db/schema";

/**
 * Moves the publication clock inside the transaction that changed what readers see: a
 * publication, a withdrawal, or an edit of a name public pages show (a topic, a jurisdiction).
 * Every cached public read is keyed by it, so the change shows within a second everywhere.
 */
export async function tickPublicationClock(tx: Tx): Promise<void> {
  await tx
    .update(publicationClock)
    .set({ version: sql`${publicationClock.version} + 1` })
    .where(eq(publicationClock.id, 1));
}
