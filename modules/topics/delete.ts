import { count, eq } from "drizzle-orm";
import { articleTopics, lawTopics, topics } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { isRecordId } from "@/lib/validation";
import { audit } from "@/modules/audit/record";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { forgetSlugs } from "@/modules/content/slugs";
import { publicationCommitted } from "@/modules/workflow/publication-committed";
import { tickPublicationClock } from "@/modules/workflow/publication-clock";
import { vocabularyTags } from "@/modules/workflow/publication-tags";

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

/** Deletes a topic nothing refers to; otherwise says what still does. */
export async function deleteTopic(ctx: Ctx, id: number): Promise<void> {
  const actor = authorize(ctx, "vocabulary.manage");
  if (!isRecordId(id)) throw new NotFoundError("No such topic.");
  await ctx.db.transaction(async (tx) => {
    const [topic] = await tx.select({ name: topics.name }).from(topics).where(eq(topics.id, id)).for("update");
    if (!topic) throw new NotFoundError("No such topic.");
    // One after another: a transaction holds one connection, and pg refuses overlapping queries on it.
    const [l] = await tx.select({ n: count() }).from(lawTopics).where(eq(lawTopics.topicId, id));
    const [a] = await tx.select({ n: count() }).from(articleTopics).where(eq(articleTopics.topicId, id));
    const [c] = await tx.select({ n: count() }).from(topics).where(eq(topics.parentId, id));
    const uses = [
      [l?.n ?? 0, "law"],
      [a?.n ?? 0, "article"],
      [c?.n ?? 0, "narrower topic"],
    ] as const;
    const inUse = uses.filter(([n]) => n > 0).map(([n, what]) => plural(n, what));
    if (inUse.length > 0) throw new ConflictError(`${topic.name} is still used by ${inUse.join(", ")}.`);
    await tx.delete(topics).where(eq(topics.id, id));
    await forgetSlugs(tx, "topic", id);
    const details = { name: topic.name };
    await audit(tx, { actor, action: "topic.delete", targetType: "topic", targetId: id, ip: ctx.ip, details });
    await tickPublicationClock(tx, vocabularyTags);
  });
  publicationCommitted();
}
