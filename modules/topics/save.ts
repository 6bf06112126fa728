import { and, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { topics } from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput, type Unvalidated } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { recordSlugChange, uniqueSlug } from "@/modules/content/slugs";
import { getTopic, type Topic } from "./read";
import { topicInput, type TopicInput } from "./schemas";
import { ancestorIds } from "./tree";

// Tree and slug checks read, then write: one change to the vocabulary at a time keeps them true.
const vocabularyLock = sql`select pg_advisory_xact_lock(727274101)`;

export async function createTopic(ctx: Ctx, input: Unvalidated<TopicInput>): Promise<Topic> {
  const actor = authorize(ctx, "vocabulary.manage");
  const values = parseInput(topicInput, input);
  const id = await ctx.db.transaction(async (tx) => {
    await tx.execute(vocabularyLock);
    await checkParent(tx, null, values.parentId);
    const slug = values.slug ? await freeSlug(tx, values.slug) : await uniqueSlug(tx, topics, values.name);
    const [row] = await tx
      .insert(topics)
      .values({ ...values, slug, createdById: actor.id })
      .returning({ id: topics.id });
    return row!.id;
  });
  return getTopic(ctx, id);
}

/** Edits a topic. Its slug changes only when the editor changes it; the old one then redirects. */
export async function updateTopic(ctx: Ctx, id: number, input: Unvalidated<TopicInput>): Promise<Topic> {
  authorize(ctx, "vocabulary.manage");
  const values = parseInput(topicInput, input);
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError("No such topic.");
  await ctx.db.transaction(async (tx) => {
    await tx.execute(vocabularyLock);
    const [current] = await tx.select({ slug: topics.slug }).from(topics).where(eq(topics.id, id));
    if (!current) throw new NotFoundError("No such topic.");
    await checkParent(tx, id, values.parentId);
    const slug = values.slug && values.slug !== current.slug ? await freeSlug(tx, values.slug, id) : current.slug;
    await recordSlugChange(tx, { itemType: "topic", oldSlug: current.slug, newSlug: slug, itemId: id });
    await tx
      .update(topics)
      .set({ ...values, slug, updatedAt: new Date() })
      .where(eq(topics.id, id));
  });
  return getTopic(ctx, id);
}

/** The parent must exist, and must not be the topic itself or anything below it. */
async function checkParent(tx: Tx, id: number | null, parentId: number | null): Promise<void> {
  if (parentId === null) return;
  if (parentId === id) throw new ValidationError({ parentId: ["A topic cannot sit under itself."] });
  const all = await tx.select({ id: topics.id, parentId: topics.parentId, name: topics.name }).from(topics);
  const parent = all.find((t) => t.id === parentId);
  if (!parent) throw new ValidationError({ parentId: ["Choose an existing topic."] });
  if (id !== null && ancestorIds(all, parentId).includes(id)) {
    throw new ValidationError({ parentId: [`${parent.name} sits under this topic; choose another parent.`] });
  }
}

async function freeSlug(tx: Tx, slug: string, exceptId?: number): Promise<string> {
  const [taken] = await tx
    .select({ name: topics.name })
    .from(topics)
    .where(and(eq(topics.slug, slug), exceptId === undefined ? undefined : ne(topics.id, exceptId)));
  if (taken) throw new ValidationError({ slug: [`${taken.name} already uses this address.`] });
  return slug;
}
