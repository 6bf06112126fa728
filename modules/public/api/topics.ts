import type { Db } from "@/db";
import { readTopic, readTopics } from "@/modules/public/topic";
import { topicListSchema, topicSchema, type Topic, type TopicList } from "./schemas/topic";

/*
 * Topics are a vocabulary admins edit outside the workflow, public as they stand (README, Security
 * model): the API reads them as the /topics pages do, with only published laws and articles.
 */

const topicPath = (path: string) => path.slice("/topics/".length);

/** Every topic a published law or article is about, by name, as /topics lists them. */
export async function readTopicList(db: Db, origin: string): Promise<TopicList> {
  const topics = await readTopics(db);
  return topicListSchema.parse({
    data: topics.map((t) => ({
      slug: topicPath(t.path),
      name: t.name,
      laws: t.laws,
      articles: t.articles,
      url: origin + t.path,
      api: `${origin}/api/v1${t.path}`,
    })),
    next: null,
  });
}

/** One topic as its page /topics/<slug> shows it, or null when no topic has this slug. */
export async function readTopicRecord(db: Db, slug: string, origin: string): Promise<Topic | null> {
  const topic = await readTopic(db, slug);
  if (!topic) return null;
  const api = (path: string) => `${origin}/api/v1${path}`;
  const linked = (t: { name: string; path: string }) => ({
    slug: topicPath(t.path),
    name: t.name,
    url: origin + t.path,
    api: api(t.path),
  });
  const about = new URLSearchParams({ topic: topic.slug });
  return topicSchema.parse({
    slug: topic.slug,
    name: topic.name,
    description: topic.description,
    url: origin + topic.path,
    api: api(topic.path),
    broader: topic.broader && linked(topic.broader),
    narrower: topic.narrower.map(linked),
    laws: topic.laws.map((law) => ({
      title: law.title,
      jurisdiction: { code: law.jurisdictionCode, name: law.jurisdictionName },
      type: law.type,
      status: law.status,
      milestone: law.milestone,
      url: origin + law.path,
      api: api(law.path),
    })),
    lawCount: topic.lawCount,
    lawsApi: `${origin}/api/v1/laws?${about}`,
    articles: topic.articles.map((a) => ({ kind: a.kind, title: a.title, url: origin + a.path, api: api(a.path) })),
    articleCount: topic.articleCount,
    articlesApi: `${origin}/api/v1/articles?${about}`,
  });
}
