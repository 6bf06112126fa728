import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { text } from "@/lib/validation";
import type { Db } from "@/db";
import { jurisdictions, publicArticles, publicLaws, topics } from "@/db/schema";
import { articleKinds, type ArticleKind } from "@/db/schema/vocabulary";
import { publicArticlePath } from "./addresses";
import { taggedWith } from "./article-rows";
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

/**
 * A feed's title, addresses and latest entries (laws and articles together), or null when it names
 * a jurisdiction or topic that does not exist. Uncached: feedDocument caches its rendering.
 */
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

  const laws: SQL[] = [];
  const articles: SQL[] = [];
  if (filter.kind === "law") articles.push(sql`false`);
  else if (filter.kind) {
    laws.push(sql`false`);
    articles.push(eq(publicArticles.kind, filter.kind));
  }
  // Its laws, and the articles tagged with it or discussing one of them.
  if (jurisdiction) {
    laws.push(eq(publicLaws.jurisdictionCode, jurisdiction.code));
    articles.push(taggedWith("jurisdiction", jurisdiction.code));
  }
  // The laws with the topic, and the articles tagged with it or discussing one of those laws.
  if (topic) {
    laws.push(sql`${publicLaws.topicIds} @> array[${topic.id}]::integer[]`);
    articles.push(taggedWith("topic", topic.id));
  }
  const entries = await readEntries(db, { laws, articles }, limit);

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

/**
 * Published laws and articles under the given conditions (on public_laws and public_articles),
 * newest publication first.
 */
export async function readEntries(
  db: Db,
  conditions: { laws: SQL[]; articles: SQL[] },
  limit?: number,
): Promise<PublicEntry[]> {
  // Each side newest first through its own index, at most `limit` of each, then merged.
  const laws = db
    .select({
      id: publicLaws.lawId,
      scope: publicLaws.jurisdictionCode,
      slug: publicLaws.slug,
      title: publicLaws.title,
      summary: publicLaws.summary,
      publishedAt: publicLaws.publishedAt,
      firstPublishedAt: publicLaws.firstPublishedAt,
    })
    .from(publicLaws)
    .where(and(...conditions.laws))
    .orderBy(desc(publicLaws.publishedAt), desc(publicLaws.lawId));
  const articles = db
    .select({
      id: publicArticles.articleId,
      kind: publicArticles.kind,
      slug: publicArticles.slug,
      title: publicArticles.title,
      excerpt: publicArticles.excerpt,
      publishedAt: publicArticles.publishedAt,
      firstPublishedAt: publicArticles.firstPublishedAt,
    })
    .from(publicArticles)
    .where(and(...conditions.articles))
    .orderBy(desc(publicArticles.publishedAt), desc(publicArticles.articleId));
  const [lawRows, articleRows] = limit
    ? [await laws.limit(limit), await articles.limit(limit)]
    : [await laws, await articles];
  const entries = [
    ...lawRows.map((row) => ({
      id: row.id,
      entry: {
        kind: "law" as const,
        category: "law" as const,
        path: publicLawPath({ jurisdictionCode: row.scope, slug: row.slug }),
        title: row.title,
        summary: row.summary,
        updated: row.publishedAt,
        published: row.firstPublishedAt,
      },
    })),
    ...articleRows.map((row) => ({
      id: row.id,
      entry: {
        kind: "article" as const,
        category: row.kind,
        path: publicArticlePath(row),
        title: row.title,
        summary: row.excerpt,
        updated: row.publishedAt,
        published: row.firstPublishedAt,
      },
    })),
  ].sort((a, b) => b.entry.updated.getTime() - a.entry.updated.getTime() || b.id - a.id);
  return (limit ? entries.slice(0, limit) : entries).map((e) => e.entry);
}
