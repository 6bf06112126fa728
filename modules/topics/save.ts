import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { topics } from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { isRecordId, parseInput, type Unvalidated } from "@/lib/validation";
import { audit } from "@/modules/audit/record";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import {
  assertSlugFree,
  insertWithFreeSlug,
  isSlugClash,
  recordSlugChange,
  type SlugSpace,
} from "@/modules/content/slugs";
import { getTopic, type Topic } from "./read";
import { topicInput, type TopicInput } from "./schemas";
import { ancestorIds } from "./tree";
import { publicationCommitted } from "@/modules/workflow/publication-committed";
import { tickPublicationClock } from "@/modules/workflow/publication-clock";
import { vocabularyTags } from "@/modules/workflow/publication-tags";

// Tree and slug checks read, then write: one change to the vocabulary at a time keeps them true.
const vocabularyLock = sql`select pg_advisory_xact_lock(727274101)`;

const topicSlugs: SlugSpace = { itemType: "topic", table: topics, constraint: "topics_slug_unique" };
const slugTakenMessage = "Another topic has, or had, this address.";

export async function createTopic(ctx: Ctx, input: Unvalidated<TopicInput>): Promise<Topic> {
  const actor = authorize(ctx, "vocabulary.manage");
  const values = parseInput(topicInput, input);
  const id = await ctx.db.transaction(async (tx) => {
    await tx.execute(vocabularyLock);
    await checkParent(tx, null, values.parentId);
    const id = await insertWithFreeSlug(
      tx,
      topicSlugs,
      values.slug ? { chosen: values.slug } : { from: values.name },
      (slug) =>
        tx
          .insert(topics)
          .values({ ...values, slug, createdById: actor.id })
          .onConflictDoNothing({ target: topics.slug })
          .returning({ id: topics.id })
          .then(([row]) => row),
      slugTakenMessage,
    );
    await audit(tx, { actor, action: "topic.create", targetType: "topic", targetId: id, ip: ctx.ip });
    // Its page exists from now on (proxy.ts answers 404 for topics it does not know).
    await tickPublicationClock(tx, vocabularyTags);
    return id;
  });
  publicationCommitted();
  return getTopic(ctx, id);
}

/** Edits a topic. Its slug changes only when the editor changes it; the old one then redirects. */
export async function updateTopic(ctx: Ctx, id: number, input: Unvalidated<TopicInput>): Promise<Topic> {
  const actor = authorize(ctx, "vocabulary.manage");
  const values = parseInput(topicInput, input);
  if (!isRecordId(id)) throw new NotFoundError("No such topic.");
  const saving = ctx.db.transaction(async (tx) => {
    await tx.execute(vocabularyLock);
    const [current] = await tx.select({ slug: topics.slug }).from(topics).where(eq(topics.id, id)).for("update");
    if (!current) throw new NotFoundError("No such topic.");
    await checkParent(tx, id, values.parentId);
    const slug = values.slug || current.slug;
    if (slug !== current.slug) {
      await assertSlugFree(tx, topicSlugs, slug, { exceptId: id, message: slugTakenMessage });
      await recordSlugChange(tx, { itemType: "topic", oldSlug: current.slug, newSlug: slug, itemId: id });
    }
    await tx
      .update(topics)
      .set({ ...values, slug, updatedAt: new Date() })
      .where(eq(topics.id, id));
    await audit(tx, { actor, action: "topic.update", targetType: "topic", targetId: id, ip: ctx.ip });
    // Public pages show topics' names and link their slugs.
    await tickPublicationClock(tx, vocabularyTags);
  });
  await saving.catch((error: unknown) => {
    if (isSlugClash(error, topicSlugs)) throw new ValidationError({ slug: [slugTakenMessage] });
    throw error;
  });
  publicationCommitted();
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
