import { and, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import { z } from "zod";
import { text } from "@/lib/validation";
import { getDatabase, type Db } from "@/db";
import { jurisdictions, liveDocuments, topics } from "@/db/schema";
import { articleKinds, type ArticleKind } from "@/db/schema/vocabulary";
import { parseArticleSnapshot } from "@/modules/articles/snapshot-schema";
import { parseLawSnapshot } from "@/modules/laws/snapshot-schema";
import { publicArticlePath } from "./addresses";
import { publicCacheTag } from "./clock";
import { publicJurisdictionPath } from "./jurisdiction";
import { publicLawPath } from "./law-view";

export type FeedKind = "law" | ArticleKind;

export type PublicEntry = {
  kind: "law" | "article";
  /** What the entry is, finer than kind: "law", or the article's kind (news, opinion, ...). */
  category: FeedKind;
  path: string;
  title: string;
  summary: string;
  updated: Date;
  published: Date;
};

/**
 * A feed's query string: /feed.xml?jurisdiction=KG&topic=rehabilitation&kind=news, each optional.
 * Unlike the laws index, a value it cannot read is refused (404): a subscription to a feed that
 * silently became another feed would mislead its reader. "commentary" is the word readers see for
 * opinion pieces, so it names their feed too.
 */
export const feedQuery = z.object({
  jurisdiction: text()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{1,12}$/)
    .optional(),
  topic: text()
    .trim()
    .regex(/^[a-z0-9-]{1,200}$/)
    .optional(),
  kind: z
    .enum(["law", ...articleKinds, "commentary"])
    .transform((kind): FeedKind => (kind === "commentary" ? "opinion" : kind))
    .optional(),
});
export type FeedFilter = z.output<typeof feedQuery>;

/** The address of a feed, for the feed itself and for pages' alternate links. */
export function feedPath(filter: { jurisdiction?: string; topic?: string; kind?: FeedKind } = {}): string {
  const params = new URLSearchParams();
  if (filter.jurisdiction) params.set("jurisdiction", filter.jurisdiction.toUpperCase());
  if (filter.topic) params.set("topic", filter.topic);
  if (filter.kind) params.set("kind", filter.kind);
  const query = params.toString();
  return query ? `/feed.xml?${query}` : "/feed.xml";
}

/**
 * A page's canonical address with the feed that follows it (the whole archive's, or the page's
 * own jurisdiction, topic or kind): Next.js replaces the root layout's alternates, feed included,
 * with a page's own, so every page that names its canonical address passes both here.
 */
export function pageAlternates(canonical: string, feed: Parameters<typeof feedPath>[0] = {}) {
  return { canonical, types: { "application/atom+xml": [{ url: feedPath(feed), title: "Atom feed" }] } };
}

const kindTitles: Record<FeedKind, string> = {
  law: "laws",
  news: "news reports",
  opinion: "commentary and opinion",
  analysis: "analyses",
  statement: "official statements",
};

export type Feed = { title: string; path: string; pagePath: string; entries: PublicEntry[] };

/** A feed's title, addresses and latest entries, or null when it names a jurisdiction or topic that does not exist. */
export async function publishedFeed(filter: FeedFilter, version: number, limit = 50): Promise<Feed | null> {
  "use cache";
  cacheTag(publicCacheTag);
  cacheLife("days");
  void version;
  const { db } = await getDatabase();
  return readFeed(db, filter, limit);
}

/** publishedFeed's reading, uncached, on a given database (the tests call it directly). */
export async function readFeed(db: Db, filter: FeedFilter, limit = 50): Promise<Feed | null> {
  const [jurisdiction] = filter.jurisdiction
    ? await db
        .select({ code: jurisdictions.code, name: jurisdictions.name })
        .from(jurisdictions)
        .where(eq(jurisdictions.code, filter.jurisdiction))
    : [];
  const [topic] = filter.topic
    ? await db
        .select({ id: topics.id, slug: topics.slug, name: topics.name })
        .from(topics)
        .where(eq(topics.slug, filter.topic))
    : [];
  if ((filter.jurisdiction && !jurisdiction) || (filter.topic && !topic)) return null;

  const conditions: SQL[] = [];
  if (filter.kind === "law") conditions.push(eq(liveDocuments.itemType, "law"));
  else if (filter.kind)
    conditions.push(eq(liveDocuments.itemType, "article"), sql`${liveDocuments.snapshot}->>'kind' = ${filter.kind}`);
  if (jurisdiction) conditions.push(aboutJurisdiction(jurisdiction.code));
  if (topic) conditions.push(aboutTopic(topic.id));
  const entries = await readEntries(db, conditions, limit);

  const what = filter.kind ? kindTitles[filter.kind] : "laws and what is written about them";
  const title = ["Marginalia: " + what, jurisdiction?.name, topic && `topic: ${topic.name}`]
    .filter(Boolean)
    .join(" · ");
  const pagePath = jurisdiction
    ? publicJurisdictionPath(jurisdiction)
    : topic
      ? `/topics/${topic.slug}`
      : filter.kind
        ? filter.kind === "law"
          ? "/laws"
          : "/articles"
        : "/";
  return { title, path: feedPath({ ...filter, topic: topic?.slug }), pagePath, entries };
}

const isLaw = eq(liveDocuments.itemType, "law");
const isArticle = eq(liveDocuments.itemType, "article");
const containing = (key: string, value: unknown) =>
  sql`${liveDocuments.snapshot}->${key} @> ${JSON.stringify([value])}::jsonb`;

/** An article that discusses a published law matching `condition` (on the law's row, aliased "l"). */
const discussing = (condition: SQL) =>
  sql`exists (select 1 from jsonb_array_elements(${liveDocuments.snapshot}->'laws') as discussed(law)
    join live_documents as l on l.item_type = 'law' and l.item_id = (discussed.law->>'id')::int
    where ${condition})`;

/** Its laws, and the articles tagged with it or discussing one of them. */
function aboutJurisdiction(code: string): SQL {
  return or(
    and(isLaw, eq(liveDocuments.scope, code)),
    and(isArticle, or(containing("jurisdictions", { code }), discussing(sql`l.scope = ${code}`))),
  )!;
}

/** The laws with the topic, and the articles tagged with it or discussing one of those laws. */
function aboutTopic(id: number): SQL {
  const tagged = containing("topics", { id });
  const lawTagged = sql`l.snapshot->'topics' @> ${JSON.stringify([{ id }])}::jsonb`;
  return or(and(isLaw, tagged), and(isArticle, or(tagged, discussing(lawTagged))))!;
}

/** Published laws and articles under the given conditions, newest publication first. */
export async function readEntries(db: Db, conditions: SQL[], limit?: number): Promise<PublicEntry[]> {
  const query = db
    .select({
      itemType: liveDocuments.itemType,
      scope: liveDocuments.scope,
      slug: liveDocuments.slug,
      title: liveDocuments.title,
      snapshot: liveDocuments.snapshot,
      publishedAt: liveDocuments.publishedAt,
      firstPublishedAt: liveDocuments.firstPublishedAt,
    })
    .from(liveDocuments)
    .where(and(inArray(liveDocuments.itemType, ["law", "article"]), ...conditions))
    .orderBy(desc(liveDocuments.publishedAt), desc(liveDocuments.itemId));
  const rows = limit ? await query.limit(limit) : await query;
  return rows.map((row) => {
    if (row.itemType === "law")
      return {
        kind: "law",
        category: "law",
        path: publicLawPath({ jurisdictionCode: row.scope, slug: row.slug }),
        title: row.title,
        summary: parseLawSnapshot(row.snapshot).summary,
        updated: row.publishedAt,
        published: row.firstPublishedAt,
      };
    const article = parseArticleSnapshot(row.snapshot);
    return {
      kind: "article",
      category: article.kind,
      path: publicArticlePath(row),
      title: row.title,
      summary: article.body.slice(0, 2000),
      updated: row.publishedAt,
      published: row.firstPublishedAt,
    };
  });
}
