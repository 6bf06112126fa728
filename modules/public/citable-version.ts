import { and, eq } from "drizzle-orm";
import { getDatabase } from "@/db";
import { citableRevisions, liveDocuments } from "@/db/schema";

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
      liveDocuments,
      and(eq(liveDocuments.itemType, citableRevisions.itemType), eq(liveDocuments.itemId, citableRevisions.itemId)),
    )
    .where(
      and(
        eq(liveDocuments.itemType, "law"),
        eq(liveDocuments.scope, jurisdictionCode.toUpperCase()),
        eq(liveDocuments.slug, slug),
        eq(citableRevisions.number, number),
      ),
    )
    .limit(1);
  return row !== undefined;
}
