import { and, eq } from "drizzle-orm";
import { getDatabase } from "@/db";
import { goneAddresses, liveDocuments, slugRedirects } from "@/db/schema";
import { publicationVersion } from "./clock";
import { publicLawPath } from "./law-view";

export type AddressRule = { kind: "gone" } | { kind: "moved"; path: string };

type Memo = { version?: number; rules?: Map<string, AddressRule> };
// On globalThis, like the clock: proxy.ts asks on every request to a law's address.
const memo = ((globalThis as { __marginaliaAddresses?: Memo }).__marginaliaAddresses ??= {});

/**
 * What a law's public address answers before any page renders: 410 for a withdrawn law, a
 * permanent redirect for one merged into another or for an old slug of a published law, or
 * nothing (null) for the page to render. Asked by proxy.ts, whose answer carries a real status
 * code; the rules are read again only when the publication clock moves.
 */
export async function lawAddressRule(jurisdictionCode: string, slug: string): Promise<AddressRule | null> {
  const version = await publicationVersion();
  if (memo.version !== version || !memo.rules) {
    memo.rules = await loadRules();
    memo.version = version;
  }
  return memo.rules.get(`${jurisdictionCode.toUpperCase()}/${slug}`) ?? null;
}

async function loadRules(): Promise<Map<string, AddressRule>> {
  const { db } = await getDatabase();
  const live = new Map(
    (
      await db
        .select({ id: liveDocuments.itemId, scope: liveDocuments.scope, slug: liveDocuments.slug })
        .from(liveDocuments)
        .where(eq(liveDocuments.itemType, "law"))
    ).map((d) => [d.id, publicLawPath({ jurisdictionCode: d.scope, slug: d.slug })]),
  );
  const rules = new Map<string, AddressRule>();
  const redirects = await db
    .select({ scope: slugRedirects.scope, slug: slugRedirects.oldSlug, itemId: slugRedirects.itemId })
    .from(slugRedirects)
    .where(eq(slugRedirects.itemType, "law"));
  for (const r of redirects) {
    const path = live.get(r.itemId);
    const address = `${r.scope}/${r.slug}`;
    // An old slug the published revision still uses (renamed only in a draft) is not moved.
    if (path && path !== publicLawPath({ jurisdictionCode: r.scope, slug: r.slug }))
      rules.set(address, { kind: "moved", path });
  }
  const gone = await db
    .select({ scope: goneAddresses.scope, slug: goneAddresses.slug, mergedIntoId: goneAddresses.mergedIntoId })
    .from(goneAddresses)
    .where(and(eq(goneAddresses.itemType, "law")));
  for (const g of gone) {
    const path = g.mergedIntoId === null ? undefined : live.get(g.mergedIntoId);
    rules.set(`${g.scope}/${g.slug}`, path ? { kind: "moved", path } : { kind: "gone" });
  }
  return rules;
}
