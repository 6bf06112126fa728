import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { editorialComments, editorialItems, users } from "@/db/schema";
import { contentTypes, type ContentType } from "@/db/schema/vocabulary";
import { NotFoundError } from "@/lib/errors";
import { isRecordId, parseInput, recordId, text } from "@/lib/validation";
import { audit } from "@/modules/audit/record";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";

export type EditorialComment = {
  id: number;
  body: string;
  kind: string;
  authorName: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
};

/** The thread on an item: signed-in users only, oldest first. */
export async function listComments(ctx: Ctx, type: ContentType, id: number): Promise<EditorialComment[]> {
  authorize(ctx, "admin.access");
  if (!isRecordId(id)) return [];
  const resolver = users;
  const rows = await ctx.db
    .select({ comment: editorialComments, authorName: users.name })
    .from(editorialComments)
    .leftJoin(users, eq(users.id, editorialComments.authorId))
    .where(and(eq(editorialComments.itemType, type), eq(editorialComments.itemId, id)))
    .orderBy(asc(editorialComments.createdAt), asc(editorialComments.id));
  const resolverIds = [...new Set(rows.map((r) => r.comment.resolvedById).filter((x): x is number => x !== null))];
  const names = new Map<number, string>();
  for (const rid of resolverIds) {
    const [u] = await ctx.db.select({ name: resolver.name }).from(resolver).where(eq(resolver.id, rid));
    if (u) names.set(rid, u.name);
  }
  return rows.map(({ comment: c, authorName }) => ({
    id: c.id,
    body: c.body,
    kind: c.kind,
    authorName,
    createdAt: c.createdAt,
    resolvedAt: c.resolvedAt,
    resolvedBy: c.resolvedById === null ? null : (names.get(c.resolvedById) ?? null),
  }));
}

const commentInput = z.object({
  type: z.enum(contentTypes),
  id: recordId,
  body: text().trim().min(1, "Write a comment first.").max(20_000, "Keep a comment under 20,000 characters."),
});

/** Adds a comment on the item's working revision. */
export async function addComment(
  ctx: Ctx,
  input: unknown,
): Promise<{ type: ContentType; id: number; commentId: number }> {
  const actor = authorize(ctx, "admin.access");
  const { type, id, body } = parseInput(commentInput, input);
  return ctx.db.transaction(async (tx) => {
    const [item] = await tx
      .select({ working: editorialItems.workingRevisionId })
      .from(editorialItems)
      .where(and(eq(editorialItems.itemType, type), eq(editorialItems.itemId, id)));
    if (!item) throw new NotFoundError(`No such ${type}.`);
    const [row] = await tx
      .insert(editorialComments)
      .values({ itemType: type, itemId: id, revisionId: item.working, authorId: actor.id, body })
      .returning({ id: editorialComments.id });
    await audit(tx, {
      actor,
      action: `${type}.comment`,
      targetType: type,
      targetId: id,
      ip: ctx.ip,
      details: { commentId: row!.id },
    });
    return { type, id, commentId: row!.id };
  });
}

/** Marks a comment resolved; anyone who can open the item may, as the thread is the team's. */
export async function resolveComment(ctx: Ctx, commentId: number): Promise<{ type: ContentType; id: number }> {
  const actor = authorize(ctx, "admin.access");
  if (!isRecordId(commentId)) throw new NotFoundError("No such comment.");
  return ctx.db.transaction(async (tx) => {
    const [done] = await tx
      .update(editorialComments)
      .set({ resolvedAt: new Date(), resolvedById: actor.id })
      .where(and(eq(editorialComments.id, commentId), isNull(editorialComments.resolvedAt)))
      .returning({ type: editorialComments.itemType, id: editorialComments.itemId });
    if (!done) throw new NotFoundError("This comment does not exist or is already resolved.");
    await audit(tx, {
      actor,
      action: `${done.type}.comment.resolve`,
      targetType: done.type,
      targetId: done.id,
      ip: ctx.ip,
      details: { commentId },
    });
    return done;
  });
}
