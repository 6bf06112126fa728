import { isNull, and, eq } from "drizzle-orm";
import { getDatabase } from "@/db";
import { goneAddresses } from "@/db/schema";
import { publicationVersion } from "./clock";

type Memo = { version?: number; addresses?: Set<string> };
// On globalThis, like the clock: proxy.ts asks on every request to a law's address.
const memo = ((globalThis as { __marginaliaGone?: Memo }).__marginaliaGone ??= {});

/**
 * Whether a law's public address belongs to a law that was withdrawn (and not merged into another,
 * whose address the page redirects to). Asked by proxy.ts so that the answer can be a real 410;
 * the list is read again only when the publication clock moves.
 */
export async function isWithdrawnLaw(jurisdictionCode: string, slug: string): Promise<boolean> {
  const version = await publicationVersion();
  if (memo.version !== version || !memo.addresses) {
    const { db } = await getDatabase();
    const rows = await db
      .select({ scope: goneAddresses.scope, slug: goneAddresses.slug })
      .from(goneAddresses)
      .where(and(eq(goneAddresses.itemType, "law"), isNull(goneAddresses.mergedIntoId)));
    memo.addresses = new Set(rows.map((r) => `${r.scope}/${r.slug}`));
    memo.version = version;
  }
  return memo.addresses.has(`${jurisdictionCode.toUpperCase()}/${slug}`);
}
