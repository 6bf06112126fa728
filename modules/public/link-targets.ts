import { cacheLife, cacheTag } from "next/cache";
import { getDatabase } from "@/db";
import { topics } from "@/db/schema";
import { liveAgentPaths } from "./live-agents";
import { publicCacheTag } from "./clock";
import { addressesTag, vocabularyTag } from "./cache-tags";
import { publicTopicPath } from "./topic";

/** Pages a law's page may link names to, by id: published agents, and every topic of the vocabulary. */
export type LinkTargets = { agents: Record<number, string>; topics: Record<number, string> };

export async function publicLinkTargets(): Promise<LinkTargets> {
  "use cache";
  cacheTag(publicCacheTag, addressesTag, vocabularyTag);
  cacheLife("days");
  const { db } = await getDatabase();
  const topicRows = await db.select({ id: topics.id, slug: topics.slug }).from(topics);
  return {
    agents: await liveAgentPaths(db),
    topics: Object.fromEntries(topicRows.map((t) => [t.id, publicTopicPath(t)])),
  };
}
