import { asc, eq, sql } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import { getDatabase, type Db } from "@/db";
import { publicLaws, publicTagCounts, topics } from "@/db/schema";
import { countLiveArticles, liveArticleRows, recentArticlesShown, taggedWith } from "./article-rows";
import { publicCacheTag } from "./clock";
import { listTag, vocabularyTag } from "./cache-tags";
import { countLiveLaws, lawsOnTimelineShown, liveLawsInOrder } from "./law-chronology";

/** Where a topic's page lives: /topics/its-slug. */
export function publicTopicPath(topic: { slug: string }): string {
  return `/topics/${topic.slug}`;
}

/** Topics that published laws or articles are about, by name, with how many of each. */
export async function publishedTopics() {
  "use cache";
  cacheTag(publicCacheTag, listTag("law"), listTag("article"), vocabularyTag);
  cacheLife("days");
  const { db } = await getDatabase();
  return readTopics(db);
}

export async function readTopics(db: Db) {
  const [vocabulary, counts] = await Promise.all([
    db.select({ id: topics.id, slug: topics.slug, name: topics.name }).from(topics).orderBy(asc(topics.name)),
    // An article counts for a topic it is tagged with or one of the published laws it discusses
    // covers, once: public_tags' rows, counted as they are written (public_tag_counts).
    db
      .select({ value: publicTagCounts.value, type: publicTagCounts.itemType, n: publicTagCounts.n })
      .from(publicTagCounts)
      .where(eq(publicTagCounts.vocabulary, "topic")),
  ]);
  const countOf = (id: number, type: "law" | "article") =>
    counts.find((c) => c.value === String(id) && c.type === type)?.n ?? 0;
  return vocabulary
    .map((t) => ({
      name: t.name,
      path: publicTopicPath(t),
      laws: countOf(t.id, "law"),
      articles: countOf(t.id, "article"),
    }))
    .filter((t) => t.laws + t.articles > 0);
}

/**
 * A topic as its page shows it: its description, broader and narrower topics, its latest published
 * laws in the order of their history, and the latest articles tagged with it or discussing its
 * laws, with how many there are of each (the indexes list them all). Null for a slug no topic has.
 */
export async function publishedTopic(slug: string) {
  "use cache";
  cacheTag(publicCacheTag, listTag("law"), listTag("article"), vocabularyTag);
  cacheLife("days");
  const { db } = await getDatabase();
  return readTopic(db, slug);
}

export async function readTopic(db: Db, slug: string) {
  const [topic] = await db
    .select({
      id: topics.id,
      slug: topics.slug,
      name: topics.name,
      description: topics.description,
      parentId: topics.parentId,
    })
    .from(topics)
    .where(eq(topics.slug, slug));
  if (!topic) return null;
  const [broader] = topic.parentId
    ? await db.select({ slug: topics.slug, name: topics.name }).from(topics).where(eq(topics.id, topic.parentId))
    : [];
  const narrower = await db
    .select({ slug: topics.slug, name: topics.name })
    .from(topics)
    .where(eq(topics.parentId, topic.id))
    .orderBy(asc(topics.name));
  const onTopic = sql`${publicLaws.topicIds} @> array[${topic.id}]::integer[]`;
  const [laws, lawCount, articles, articleCount] = await Promise.all([
    liveLawsInOrder(db, onTopic, lawsOnTimelineShown),
    countLiveLaws(db, onTopic),
    liveArticleRows(db, taggedWith("topic", topic.id), recentArticlesShown),
    countLiveArticles(db, taggedWith("topic", topic.id)),
  ]);
  return {
    name: topic.name,
    slug: topic.slug,
    path: publicTopicPath(topic),
    description: topic.description,
    broader: broader ? { name: broader.name, path: publicTopicPath(broader) } : null,
    narrower: narrower.map((t) => ({ name: t.name, path: publicTopicPath(t) })),
    laws,
    lawCount,
    articles,
    articleCount,
  };
}
