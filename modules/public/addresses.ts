import { and, eq, inArray, sql } from "drizzle-orm";
import { getDatabase, type Db } from "@/db";
import { goneAddresses, jurisdictions, liveAddresses, slugRedirects, topics } from "@/db/schema";
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

type Answer = { live: boolean; rule: AddressRule | null };
// Answers already looked up since the publication clock last moved, by address; bounded, since
// anyone can ask for any address.
type Memo = { version?: number; answers: Map<string, Answer>; vocabulary: Map<string, boolean> };
const memoLimit = 20_000;
// On globalThis, like the clock: proxy.ts asks on every request to an item's address.
const memo = ((globalThis as { __marginaliaAddresses?: Memo }).__marginaliaAddresses ??= {
  answers: new Map(),
  vocabulary: new Map(),
} as Memo);

/**
 * What a public address answers before any page renders: 410 for a withdrawn item, a permanent
 * redirect for one merged into another or for an old slug of a published item, or nothing (null)
 * for the page to render. Asked by proxy.ts, whose answer carries a real status code, and by the
 * pages themselves; each address is looked up once (through the publications' and old slugs'
 * indexes) until the publication clock moves. A cached caller passes the version it is keyed by.
 */
export async function addressRule(address: PublicAddress, version?: number): Promise<AddressRule | null> {
  return (await answerFor(address, version)).rule;
}

/** addressRule's answer, looked up now on a given database (the read API's uncached reads). */
export async function readAddressRule(db: Db, address: PublicAddress): Promise<AddressRule | null> {
  return (await lookUpAddress(db, address)).rule;
}

/** Whether an address is a live item's page: any other address of that shape answers 404. */
export async function isLiveAddress(address: PublicAddress): Promise<boolean> {
  return (await answerFor(address)).live;
}

/** Whether a topic's or a jurisdiction's page exists: any other such address answers 404. */
export async function isKnownVocabulary(kind: "topic" | "jurisdiction", key: string): Promise<boolean> {
  await current();
  const memoKey = `${kind}/${key}`;
  let known = memo.vocabulary.get(memoKey);
  if (known === undefined) {
    const { db } = await getDatabase();
    const rows =
      kind === "topic"
        ? await db
            .select({ one: sql`1` })
            .from(topics)
            .where(eq(topics.slug, key))
            .limit(1)
        : await db
            .select({ one: sql`1` })
            .from(jurisdictions)
            .where(sql`lower(${jurisdictions.code}) = ${key.toLowerCase()}`)
            .limit(1);
    known = rows.length > 0;
    remember(memo.vocabulary, memoKey, known);
  }
  return known;
}

/** Clears the answers when the publication clock has moved since they were looked up. */
async function current(version?: number) {
  const now = version ?? (await publicationVersion());
  if (memo.version !== now) {
    memo.answers.clear();
    memo.vocabulary.clear();
    memo.version = now;
  }
}

function remember<T>(map: Map<string, T>, key: string, value: T) {
  if (map.size >= memoLimit) map.clear();
  map.set(key, value);
}

async function answerFor(address: PublicAddress, version?: number): Promise<Answer> {
  await current(version);
  const key = addressKey(address);
  let answer = memo.answers.get(key);
  if (!answer) {
    answer = await lookUpAddress((await getDatabase()).db, address);
    remember(memo.answers, key, answer);
  }
  return answer;
}

/** The rule for one address in a table readAddressRules made. */
export function ruleFor(rules: Map<string, AddressRule>, address: PublicAddress): AddressRule | null {
  return rules.get(addressKey(address)) ?? null;
}

export function lawAddressRule(jurisdictionCode: string, slug: string): Promise<AddressRule | null> {
  return addressRule({ type: "law", jurisdictionCode, slug });
}

const addressedTypes: AddressedType[] = ["law", "article", "agent"];

/** The live page of an item, by id, or undefined when it is not live. */
async function livePathOf(db: Db, type: AddressedType, id: number): Promise<string | undefined> {
  const [row] = await db
    .select({ scope: liveAddresses.scope, slug: liveAddresses.slug })
    .from(liveAddresses)
    .where(and(eq(liveAddresses.itemType, type), eq(liveAddresses.itemId, id)));
  return row && pathOf(type, row.scope, row.slug);
}

/**
 * One address, looked up through indexes: live; else withdrawn (gone, or moved when merged into a
 * live item: a withdrawal is the newer fact about an address); else an old slug of a live item
 * (moved); else nothing. The same answers readAddressRules gives for the whole archive.
 */
async function lookUpAddress(db: Db, address: PublicAddress): Promise<Answer> {
  const type = address.type;
  const scope = type === "law" ? address.jurisdictionCode.toUpperCase() : "";
  const [live] = await db
    .select({ one: sql`1` })
    .from(liveAddresses)
    .where(and(eq(liveAddresses.itemType, type), eq(liveAddresses.scope, scope), eq(liveAddresses.slug, address.slug)))
    .limit(1);
  if (live) return { live: true, rule: null };
  const [gone] = await db
    .select({ mergedIntoId: goneAddresses.mergedIntoId })
    .from(goneAddresses)
    .where(and(eq(goneAddresses.itemType, type), eq(goneAddresses.scope, scope), eq(goneAddresses.slug, address.slug)))
    .limit(1);
  if (gone) {
    const path = gone.mergedIntoId === null ? undefined : await livePathOf(db, type, gone.mergedIntoId);
    return { live: false, rule: path ? { kind: "moved", path } : { kind: "gone" } };
  }
  const [redirect] = await db
    .select({ id: slugRedirects.itemId })
    .from(slugRedirects)
    .where(
      and(eq(slugRedirects.itemType, type), eq(slugRedirects.scope, scope), eq(slugRedirects.oldSlug, address.slug)),
    );
  const path = redirect && (await livePathOf(db, type, redirect.id));
  return { live: false, rule: path ? { kind: "moved", path } : null };
}

/**
 * Every address that answers something other than its page, for laws, articles and agents alike:
 * old slugs and merged items point to the live address, withdrawn ones are gone. An address that
 * is live itself (an old slug a draft renamed, a slug taken again) is never a rule. The whole
 * archive at once, for tests and exports; pages and the proxy look addresses up one by one.
 */
export async function readAddressRules(db: Db): Promise<Map<string, AddressRule>> {
  const liveRows = await db
    .select({
      type: liveAddresses.itemType,
      id: liveAddresses.itemId,
      scope: liveAddresses.scope,
      slug: liveAddresses.slug,
    })
    .from(liveAddresses)
    .where(inArray(liveAddresses.itemType, addressedTypes));
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
  return rules;
}
