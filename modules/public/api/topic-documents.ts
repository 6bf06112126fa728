import { cacheLife, cacheTag } from "next/cache";
import { getDatabase } from "@/db";
import { apiProblem, jsonRendering } from "@/lib/api/problem";
import type { Rendering } from "@/lib/http/cached-response";
import { publicCacheTag } from "@/modules/public/clock";
import { listTag, vocabularyTag } from "@/modules/public/cache-tags";
import { readTopicList, readTopicRecord } from "./topics";

/* The read API's topic answers, tagged as the /topics pages are (modules/public/topic.ts). */

/** GET /api/v1/topics: every topic published content is about. */
export async function topicListDocument(origin: string): Promise<Rendering> {
  "use cache";
  cacheTag(publicCacheTag, listTag("law"), listTag("article"), vocabularyTag);
  cacheLife("days");
  const { db } = await getDatabase();
  return jsonRendering(await readTopicList(db, origin));
}

/** GET /api/v1/topics/<slug>: one topic, or 404. */
export async function topicDocument(slug: string, origin: string): Promise<Rendering> {
  "use cache";
  cacheTag(publicCacheTag, listTag("law"), listTag("article"), vocabularyTag);
  cacheLife("days");
  const { db } = await getDatabase();
  const topic = await readTopicRecord(db, slug, origin);
  return topic ? jsonRendering(topic) : noTopic;
}

export const noTopic = apiProblem(404, "No topic has this address.");
