import { inArray } from "drizzle-orm";
import { getDatabase, type Db } from "@/db";
import { goneAddresses, jurisdictions, liveDocuments, slugRedirects, topics } from "@/db/schema";
import { publicationVersion } from "./clock";
import { publicLawPath } from "./law-view";

/** The items that have a public page of their own. */
export type AddressedType = "law" | "article" | "agent";

export type PublicAddress =
  { type: "law"; jurisdictionCode: string; slug: string } | { type: "article" | "agent"; slug: string };

export type AddressRule = { kind: "gone" } | { kind: "moved"; path: string };

/** Where a published article lives: /articles/its-slug. */
export function publicArticlePath(article: { slug: string }): string {
  return `/articles/${article.slug}`;
}

/** Where a published agent (a person, a body, an outlet) lives: /agents/its-slug. */
export function publicAgentPath(agent: { slug: string }): string {
  return `/agents/${agent.slug}`;
}

/** An item's public path from the scope and slug its publication row records. */
function pathOf(type: AddressedType, scope: string, slug: string): string {
  if (type === "law") return publicLawPath({ jurisdictionCode: scope, slug });
  return type === "article" ? publicArticlePath({ slug }) : publicAgentPath({ slug });
}

const keyOf = (type: string, scope: string, slug: string) =>
  `${type}/${type === "law" ? scope.toUpperCase() : ""}/${slug}`;

const addressKey = (a: PublicAddress) => keyOf(a.type, a.type === "law" ? a.jurisdictionCode : "", a.slug);

// `vocabulary` holds "topic/<slug>" and "jurisdiction/<code, lower case>": pages for each exist.
type AddressTable = { rules: Map<string, AddressRule>; live: Set<string>; vocabulary: Set<string> };
type Memo = { version?: number; table?: AddressTable };
// On globalThis, like the clock: proxy.ts asks on every request to an item's address.
const memo = ((globalThis as { __marginaliaAddresses?: Memo }).__marginaliaAddresses ??= {});

/**
 * What a public address answers before any page renders: 410 for a withdrawn item, a permanent
 * redirect for one merged into another or for an old slug of a published item, or nothing (null)
 * for the page to render. Asked by proxy.ts, whose answer carries a real status code, and by the
 * pages themselves; the rules are read again only when the publication clock moves. A cached
 * caller passes the version it is keyed by.
 */
export async function addressRule(address: PublicAddress, version?: number): Promise<AddressRule | null> {
  return ruleFor((await addressTable(version)).rules, address);
}

/** Whether an address is a live item's page: any other address of that shape answers 404. */
export async function isLiveAddress(address: PublicAddress): Promise<boolean> {
  return (await addressTable()).live.has(addressKey(address));
}

/** Whether a topic's or a jurisdiction's page exists: any other such address answers 404. */
export async function isKnownVocabulary(kind: "topic" | "jurisdiction", key: string): Promise<boolean> {
  return (await addressTable()).vocabulary.has(`${kind}/${kind === "jurisdiction" ? key.toLowerCase() : key}`);
}

async function addressTable(version?: number): Promise<AddressTable> {
  const current = version ?? (await publicationVersion());
  if (memo.version !== current || !memo.table) {
    memo.table = await readAddressTable((await getDatabase()).db);
    memo.version = current;
  }
  return memo.table;
}

/** The rule for one address in a table readAddressRules made. */
export function ruleFor(rules: Map<string, AddressRule>, address: PublicAddress): AddressRule | null {
  return rules.get(addressKey(address)) ?? null;
}

export function lawAddressRule(jurisdictionCode: string, slug: string): Promise<AddressRule | null> {
  return addressRule({ type: "law", jurisdictionCode, slug });
}

const addressedTypes: AddressedType[] = ["law", "article", "agent"];

/**
 * Every address that answers something other than its page, for laws, articles and agents alike:
 * old slugs and merged items point to the live address, withdrawn ones are gone. An address that
 * is live itself (an old slug a draft renamed, a slug taken again) is never a rule.
 */
export async function readAddressRules(db: Db): Promise<Map<string, AddressRule>> {
  return (await readAddressTable(db)).rules;
}

async function readAddressTable(db: Db): Promise<AddressTable> {
  const liveRows = await db
    .select({
      type: liveDocuments.itemType,
      id: liveDocuments.itemId,
      scope: liveDocuments.scope,
      slug: liveDocuments.slug,
    })
    .from(liveDocuments)
    .where(inArray(liveDocuments.itemType, addressedTypes));
  const livePath = new Map<string, string>();
  const liveKeys = new Set<string>();
  for (const d of liveRows) {
    livePath.set(`${d.type}/${d.id}`, pathOf(d.type as AddressedType, d.scope, d.slug));
    liveKeys.add(keyOf(d.type, d.scope, d.slug));
  }
  const rules = new Map<string, AddressRule>();
  const set = (key: string, rule: AddressRule) => {
    if (!liveKeys.has(key)) rules.set(key, rule);
  };

  const redirects = await db
    .select({
      type: slugRedirects.itemType,
      scope: slugRedirects.scope,
      slug: slugRedirects.oldSlug,
      id: slugRedirects.itemId,
    })
    .from(slugRedirects)
    .where(inArray(slugRedirects.itemType, addressedTypes));
  for (const r of redirects) {
    const path = livePath.get(`${r.type}/${r.id}`);
    if (path) set(keyOf(r.type, r.scope, r.slug), { kind: "moved", path });
  }

  // After the redirects: a withdrawal is the newer fact about an address.
  const gone = await db
    .select({
      type: goneAddresses.itemType,
      scope: goneAddresses.scope,
      slug: goneAddresses.slug,
      mergedIntoId: goneAddresses.mergedIntoId,
    })
    .from(goneAddresses)
    .where(inArray(goneAddresses.itemType, addressedTypes));
  for (const g of gone) {
    const path = g.mergedIntoId === null ? undefined : livePath.get(`${g.type}/${g.mergedIntoId}`);
    set(keyOf(g.type, g.scope, g.slug), path ? { kind: "moved", path } : { kind: "gone" });
  }
  const topicRows = await db.select({ slug: topics.slug }).from(topics);
  const jurisdictionRows = await db.select({ code: jurisdictions.code }).from(jurisdictions);
  const vocabulary = new Set([
    ...topicRows.map((t) => `topic/${t.slug}`),
    ...jurisdictionRows.map((j) => `jurisdiction/${j.code.toLowerCase()}`),
  ]);
  return { rules, live: liveKeys, vocabulary };
}
