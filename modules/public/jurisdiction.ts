import { asc, count, eq, sql } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import { getDatabase, type Db } from "@/db";
import { jurisdictions, publicLaws, topics } from "@/db/schema";
import { liveArticleRows, taggedWith } from "./article-rows";
import { publicCacheTag } from "./clock";
import { listTag, vocabularyTag } from "./cache-tags";
import { liveLawsInOrder } from "./law-chronology";
import { publicTopicPath } from "./topic";

/** Where a jurisdiction's page lives: /jurisdictions/kg, lower case like a law's address. */
export function publicJurisdictionPath(jurisdiction: { code: string }): string {
  return `/jurisdictions/${jurisdiction.code.toLowerCase()}`;
}

/** How many recent articles a jurisdiction's page lists. */
export const recentArticlesShown = 10;

/** Jurisdictions with at least one published law, by name, with how many. */
export async function publishedJurisdictions() {
  "use cache";
  cacheTag(publicCacheTag, listTag("law"), listTag("article"), vocabularyTag);
  cacheLife("days");
  const { db } = await getDatabase();
  return readJurisdictions(db);
}

export async function readJurisdictions(db: Db) {
  const rows = await db
    .select({
      code: jurisdictions.code,
      name: jurisdictions.name,
      kind: jurisdictions.kind,
      startYear: jurisdictions.startYear,
      endYear: jurisdictions.endYear,
      laws: count(),
    })
    .from(publicLaws)
    .innerJoin(jurisdictions, eq(jurisdictions.code, publicLaws.jurisdictionCode))
    .groupBy(jurisdictions.code)
    .orderBy(asc(jurisdictions.name));
  return rows.map((r) => ({ ...r, path: publicJurisdictionPath(r) }));
}

/**
 * A jurisdiction as its page shows it: its names, its published laws in the order of their
 * history, the topics they cover, and the latest articles about it or its laws. Null for a code
 * no jurisdiction has. `code` is matched whatever its case; the page redirects to the stored one.
 */
export async function publishedJurisdiction(code: string) {
  "use cache";
  cacheTag(publicCacheTag, listTag("law"), listTag("article"), vocabularyTag);
  cacheLife("days");
  const { db } = await getDatabase();
  return readJurisdiction(db, code);
}

export async function readJurisdiction(db: Db, code: string) {
  const [jurisdiction] = await db
    .select({
      code: jurisdictions.code,
      name: jurisdictions.name,
      otherNames: jurisdictions.otherNames,
      kind: jurisdictions.kind,
      startYear: jurisdictions.startYear,
      endYear: jurisdictions.endYear,
    })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, code.toUpperCase()));
  if (!jurisdiction) return null;
  const laws = await liveLawsInOrder(db, eq(publicLaws.jurisdictionCode, jurisdiction.code));
  const articles = await liveArticleRows(db, taggedWith("jurisdiction", jurisdiction.code), recentArticlesShown);
  return {
    ...jurisdiction,
    path: publicJurisdictionPath(jurisdiction),
    laws,
    topics: await topicsOf(db, laws),
    articles,
  };
}

/** The topics a set of laws covers, by name, with how many of the laws cover each. */
async function topicsOf(db: Db, laws: { topics: { id: number }[] }[]) {
  const counts = new Map<number, number>();
  for (const law of laws) for (const t of law.topics) counts.set(t.id, (counts.get(t.id) ?? 0) + 1);
  if (counts.size === 0) return [];
  // Names and addresses as the vocabulary has them now, not as each revision recorded them.
  const rows = await db
    .select({ id: topics.id, slug: topics.slug, name: topics.name })
    .from(topics)
    .where(sql`${topics.id} in ${[...counts.keys()]}`)
    .orderBy(asc(topics.name));
  return rows.map((t) => ({ name: t.name, path: publicTopicPath(t), laws: counts.get(t.id) ?? 0 }));
}
