import { and, count, eq, sql, type SQL } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import { getDatabase, type Db } from "@/db";
import { jurisdictions, liveAddresses, publicArticles, topics } from "@/db/schema";
import { articleKinds } from "@/db/schema/vocabulary";
import { publicAgentPath } from "./addresses";
import { articleOrder, articleRowColumns, taggedWith, toArticleRows } from "./article-rows";
import { publicCacheTag } from "./clock";
import { listTag, vocabularyTag } from "./cache-tags";
import type { ArticlesIndexQuery } from "./articles-index-url";
import { publicJurisdictionPath } from "./jurisdiction";
import { namesAgent } from "./live-agents";
import { publicTopicPath } from "./topic";

export const articlesIndexPageSize = 20;

/**
 * One page of published articles, newest first, of one kind or all, about a topic, a jurisdiction
 * or an agent or not, with how many there are of each kind under the same subject.
 */
export async function publishedArticlesIndex(query: ArticlesIndexQuery) {
  "use cache";
  cacheTag(publicCacheTag, listTag("article"));
  // A subject's name, and which articles are about it through the laws they discuss.
  if (query.topic || query.jurisdiction) cacheTag(listTag("law"), vocabularyTag);
  if (query.agent) cacheTag(listTag("agent"));
  cacheLife("days");
  const { db } = await getDatabase();
  return readArticlesIndex(db, query);
}

/** What a filtered list is about, as its heading names it and links to it. */
export type ArticlesSubject = { facet: "topic" | "jurisdiction" | "agent"; name: string; path: string };

/** publishedArticlesIndex's reading, uncached, on a given database (the tests call it directly). */
export async function readArticlesIndex(db: Db, query: ArticlesIndexQuery) {
  const { subjects, about, where } = await articlesIndexFilter(db, query);
  const [rows, [total], byKind] = await Promise.all([
    db
      .select(articleRowColumns)
      .from(publicArticles)
      .where(where)
      .orderBy(...articleOrder)
      .limit(articlesIndexPageSize)
      .offset((query.page - 1) * articlesIndexPageSize),
    db.select({ n: count() }).from(publicArticles).where(where),
    db.select({ kind: publicArticles.kind, n: count() }).from(publicArticles).where(about).groupBy(publicArticles.kind),
  ]);
  const n = total?.n ?? 0;
  return {
    articles: await toArticleRows(db, rows),
    total: n,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(n / articlesIndexPageSize)),
    // Every kind, in the vocabulary's order, even those with none yet (they count 0).
    kinds: articleKinds.map((kind) => ({ kind, count: byKind.find((k) => k.kind === kind)?.n ?? 0 })),
    subjects,
  };
}

/**
 * The index's choices as conditions on public_articles (the read API's list applies the same):
 * `about` its subjects, `where` those and the kind, and the subjects found.
 */
export async function articlesIndexFilter(db: Db, query: Pick<ArticlesIndexQuery, ArticlesFilter>) {
  const subjects = await subjectsOf(db, query);
  // A subject that names nothing published matches nothing, rather than silently showing everything.
  const about = and(...subjects.map((s) => (s.found ? s.condition : sql`false`)));
  return {
    about,
    where: and(about, query.kind ? eq(publicArticles.kind, query.kind) : undefined),
    subjects: subjects.flatMap((s) => (s.found ? [s.found] : [])),
  };
}

type ArticlesFilter = "kind" | "topic" | "jurisdiction" | "agent";

export type ArticlesIndex = Awaited<ReturnType<typeof readArticlesIndex>>;

type Subject = { found: ArticlesSubject | null; condition: SQL };

async function subjectsOf(db: Db, query: Pick<ArticlesIndexQuery, ArticlesFilter>): Promise<Subject[]> {
  const subjects: Promise<Subject>[] = [];
  if (query.topic) {
    subjects.push(
      db
        .select({ id: topics.id, slug: topics.slug, name: topics.name })
        .from(topics)
        .where(eq(topics.slug, query.topic))
        .then(([topic]) => ({
          found: topic ? { facet: "topic" as const, name: topic.name, path: publicTopicPath(topic) } : null,
          condition: taggedWith("topic", topic?.id ?? 0),
        })),
    );
  }
  if (query.jurisdiction) {
    subjects.push(
      db
        .select({ code: jurisdictions.code, name: jurisdictions.name })
        .from(jurisdictions)
        .where(eq(jurisdictions.code, query.jurisdiction))
        .then(([jurisdiction]) => ({
          found: jurisdiction
            ? { facet: "jurisdiction" as const, name: jurisdiction.name, path: publicJurisdictionPath(jurisdiction) }
            : null,
          condition: taggedWith("jurisdiction", query.jurisdiction!),
        })),
    );
  }
  if (query.agent) {
    subjects.push(
      db
        .select({ id: liveAddresses.itemId, slug: liveAddresses.slug, name: liveAddresses.title })
        .from(liveAddresses)
        .where(and(eq(liveAddresses.itemType, "agent"), eq(liveAddresses.slug, query.agent)))
        .then(([agent]) => ({
          found: agent ? { facet: "agent" as const, name: agent.name, path: publicAgentPath(agent) } : null,
          condition: namesAgent(agent?.id ?? 0, publicArticles.articleId),
        })),
    );
  }
  return Promise.all(subjects);
}
