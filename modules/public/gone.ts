import { and, eq, isNull } from "drizzle-orm";
import { getDatabase } from "@/db";
import { goneAddresses } from "@/db/schema";

/**
 * Whether a law's public address belongs to a law that was withdrawn (and not merged into another,
 * whose address the page redirects to). Asked by proxy.ts so that the answer can be a real 410.
 */
export async function isWithdrawnLaw(jurisdictionCode: string, slug: string): Promise<boolean> {
  const { db } = await getDatabase();
  const [gone] = await db
    .select({ slug: goneAddresses.slug })
    .from(goneAddresses)
    .where(
      and(
        eq(goneAddresses.itemType, "law"),
        eq(goneAddresses.scope, jurisdictionCode.toUpperCase()),
        eq(goneAddresses.slug, slug),
        isNull(goneAddresses.mergedIntoId),
      ),
    );
  return Boolean(gone);
}
