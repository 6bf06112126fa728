import { asc, count, eq, sql, type SQL } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import { getDatabase, type Db } from "@/db";
import { jurisdictions, publicLaws, topics } from "@/db/schema";
import { countLiveArticles, liveArticleRows, recentArticlesShown, taggedWith } from "./article-rows";
import { publicCacheTag } from "./clock";
import { listTag, vocabularyTag } from "./cache-tags";
import { countLiveLaws, lawsOnTimelineShown, liveLawsInOrder } from "./law-chronology";
import { publicTopicPath } from "./topic";

/** Where a jurisdiction's page lives: /jurisdictions/kg, lower case like a law's address. */
export function publicJurisdictionPath(jurisdiction: { code: string }): string {
  return `/jurisdictions/${jurisdiction.code.toLowerCase()}`;
}

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
 * A jurisdiction as its page shows it: its names, its latest published laws in the order of their
 * history, the topics its laws cover, and the latest articles about it or its laws, with how many
 * laws and articles there are (the indexes list them all). Null for a code no jurisdiction has.
 * `code` is matched whatever its case; the page redirects to the stored one.
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
      // Written out in full: inside the subqueries a bare column would name the inner table's.
      successor: sql<{ code: string; name: string } | null>`(
        select json_build_object('code', s.code, 'name', s.name) from ${jurisdictions} s
        where s.code = "jurisdictions"."successor_code")`,
      predecessors: sql<{ code: string; name: string }[]>`coalesce((
        select json_agg(json_build_object('code', p.code, 'name', p.name) order by p.name) from ${jurisdictions} p
        where p.successor_code = "jurisdictions"."code"), '[]'::json)`,
    })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, code.toUpperCase()));
  if (!jurisdiction) return null;
  const { successor, predecessors, ...shown } = jurisdiction;
  const linked = (j: { code: string; name: string }) => ({ name: j.name, path: publicJurisdictionPath(j) });
  const itsLaws = eq(publicLaws.jurisdictionCode, jurisdiction.code);
  const about = taggedWith("jurisdiction", jurisdiction.code);
  const [laws, lawCount, lawTopics, articles, articleCount] = await Promise.all([
    liveLawsInOrder(db, itsLaws, lawsOnTimelineShown),
    countLiveLaws(db, itsLaws),
    topicsOf(db, itsLaws),
    liveArticleRows(db, about, recentArticlesShown),
    countLiveArticles(db, about),
  ]);
  return {
    ...shown,
    // The polity that took its place, and those whose place it took.
    successor: successor ? linked(successor) : null,
    predecessors: predecessors.map(linked),
    path: publicJurisdictionPath(jurisdiction),
    laws,
    lawCount,
    topics: lawTopics,
    articles,
    articleCount,
  };
}

/** The topics published laws matching a condition cover, by name, with how many of the laws cover each. */
async function topicsOf(db: Db, where: SQL) {
  const rows = await db
    .select({ slug: topics.slug, name: topics.name, laws: count() })
    .from(sql`${publicLaws} cross join lateral unnest(${publicLaws.topicIds}) as t(id)`)
    .innerJoin(topics, sql`${topics.id} = t.id`)
    .where(where)
    .groupBy(topics.id)
    .orderBy(asc(topics.name));
  // Names and addresses as the vocabulary has them now, not as each revision recorded them.
  return rows.map((t) => ({ name: t.name, path: publicTopicPath(t), laws: t.laws }));
}
