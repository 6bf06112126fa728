import { and, eq } from "drizzle-orm";
import { getDatabase } from "@/db";
import { citableRevisions, liveAddresses } from "@/db/schema";

/**
 * Whether a live law was ever published as version `number` (what ?version=N cites). Asked by
 * proxy.ts, so that a version nobody published answers a real 404 rather than a streamed 200.
 */
export async function isCitableLawVersion(jurisdictionCode: string, slug: string, number: number): Promise<boolean> {
  const { db } = await getDatabase();
  const [row] = await db
    .select({ number: citableRevisions.number })
    .from(citableRevisions)
    .innerJoin(
      liveAddresses,
      and(eq(liveAddresses.itemType, citableRevisions.itemType), eq(liveAddresses.itemId, citableRevisions.itemId)),
    )
    .where(
      and(
        eq(liveAddresses.itemType, "law"),
        eq(liveAddresses.scope, jurisdictionCode.toUpperCase()),
        eq(liveAddresses.slug, slug),
        eq(citableRevisions.number, number),
      ),
    )
    .limit(1);
  return row !== undefined;
}
