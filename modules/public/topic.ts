import { asc, eq, sql } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import { getDatabase, type Db } from "@/db";
import { liveDocuments, publicLaws, topics } from "@/db/schema";
import { discussesAnyOf, liveArticleRows } from "./article-rows";
import { publicCacheTag } from "./clock";
import { liveLawsInOrder } from "./law-chronology";

/** Where a topic's page lives: /topics/its-slug. */
export function publicTopicPath(topic: { slug: string }): string {
  return `/topics/${topic.slug}`;
}

/** Topics that published laws or articles are about, by name, with how many of each. */
export async function publishedTopics(version: number) {
  "use cache";
  cacheTag(publicCacheTag);
  cacheLife("days");
  void version;
  const { db } = await getDatabase();
  return readTopics(db);
}

export async function readTopics(db: Db) {
  const [vocabulary, laws, articles] = await Promise.all([
    db.select({ id: topics.id, slug: topics.slug, name: topics.name }).from(topics).orderBy(asc(topics.name)),
    db.select({ id: publicLaws.lawId, topicIds: publicLaws.topicIds }).from(publicLaws),
    // Only the two lists an article's count needs, not its body.
    db
      .select({
        topics: sql<{ id: number }[]>`${liveDocuments.snapshot}->'topics'`,
        laws: sql<{ id: number }[]>`${liveDocuments.snapshot}->'laws'`,
      })
      .from(liveDocuments)
      .where(eq(liveDocuments.itemType, "article")),
  ]);
  const lawTopics = new Map(laws.map((l) => [l.id, l.topicIds]));
  const lawCount = new Map<number, number>();
  for (const law of laws) for (const id of law.topicIds) lawCount.set(id, (lawCount.get(id) ?? 0) + 1);
  // An article counts for a topic it is tagged with or one of the published laws it discusses covers, once.
  const articleCount = new Map<number, number>();
  for (const article of articles) {
    const ids = new Set([
      ...article.topics.map((t) => t.id),
      ...article.laws.flatMap((l) => lawTopics.get(l.id) ?? []),
    ]);
    for (const id of ids) articleCount.set(id, (articleCount.get(id) ?? 0) + 1);
  }
  return vocabulary
    .map((t) => ({
      name: t.name,
      path: publicTopicPath(t),
      laws: lawCount.get(t.id) ?? 0,
      articles: articleCount.get(t.id) ?? 0,
    }))
    .filter((t) => t.laws + t.articles > 0);
}

/**
 * A topic as its page shows it: its description, broader and narrower topics, its published laws
 * in the order of their history, and the articles tagged with it or discussing those laws. Null
 * for a slug no topic has.
 */
export async function publishedTopic(slug: string, version: number) {
  "use cache";
  cacheTag(publicCacheTag);
  cacheLife("days");
  void version;
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
  const tagged = JSON.stringify([{ id: topic.id }]);
  const laws = await liveLawsInOrder(db, sql`${liveDocuments.snapshot}->'topics' @> ${tagged}::jsonb`);
  const articles = await liveArticleRows(
    db,
    sql`(${liveDocuments.snapshot}->'topics' @> ${tagged}::jsonb
      or ${discussesAnyOf(sql`select ${publicLaws.lawId} from ${publicLaws} where ${publicLaws.topicIds} @> array[${topic.id}]::integer[]`)})`,
  );
  return {
    name: topic.name,
    slug: topic.slug,
    path: publicTopicPath(topic),
    description: topic.description,
    broader: broader ? { name: broader.name, path: publicTopicPath(broader) } : null,
    narrower: narrower.map((t) => ({ name: t.name, path: publicTopicPath(t) })),
    laws,
    articles,
  };
}
