import { eq } from "drizzle-orm";
import { getDatabase } from "@/db";
import { publicationClock } from "@/db/schema";

/**
 * How many times anything was published or withdrawn. Public cached reads take it as an argument,
 * so every instance serves the change at once, including publications made by the scheduler.
 */
export async function publicationVersion(): Promise<number> {
  const { db } = await getDatabase();
  const [clock] = await db
    .select({ version: publicationClock.version })
    .from(publicationClock)
    .where(eq(publicationClock.id, 1));
  return clock?.version ?? 0;
}

export const publicCacheTag = "public";
