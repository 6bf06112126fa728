import { asc, eq, ilike, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { topics } from "@/db/schema";
import { likePattern } from "@/lib/text";
import { parseInput } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { createTopic } from "./save";
import { inlineTopicInput } from "./schemas";

export type TopicOption = { value: string; label: string; hint?: string };

const parent = alias(topics, "parent");

/** Topics for a picker: names or slugs containing the query, names that start with it first. */
export async function searchTopicOptions(ctx: Ctx, q: string, limit = 20): Promise<TopicOption[]> {
  authorize(ctx, "admin.access");
  const query = q.trim().slice(0, 200);
  const pattern = likePattern(query);
  const rows = await ctx.db
    .select({ id: topics.id, name: topics.name, slug: topics.slug, parentName: parent.name })
    .from(topics)
    .leftJoin(parent, eq(parent.id, topics.parentId))
    .where(query ? or(ilike(topics.name, pattern), ilike(topics.slug, pattern)) : undefined)
    .orderBy(
      sql`case when ${topics.name} ilike ${`${pattern.slice(1)}`} then 0 else 1 end`,
      asc(topics.name),
      asc(topics.id),
    )
    .limit(Math.min(Math.max(1, Math.trunc(limit) || 20), 100));
  return rows.map((r) => ({
    value: String(r.id),
    label: r.name,
    hint: r.parentName ? `under ${r.parentName}` : r.slug,
  }));
}

/** Adds a topic from a picker, by name alone; a topic of that name, if any, is reused. */
export async function createTopicInline(ctx: Ctx, input: { name?: unknown }): Promise<TopicOption> {
  authorize(ctx, "vocabulary.manage");
  const { name } = parseInput(inlineTopicInput, input);
  const [existing] = await ctx.db
    .select({ id: topics.id, name: topics.name })
    .from(topics)
    .where(sql`lower(${topics.name}) = lower(${name})`)
    .limit(1);
  const topic = existing ?? (await createTopic(ctx, { name }));
  return { value: String(topic.id), label: topic.name };
}
