import { and, count, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db";
import { editorialComments, editorialItems } from "@/db/schema";
import { contentTypes } from "@/db/schema/vocabulary";
import { ConflictError, ValidationError } from "@/lib/errors";
import { parseInput, recordId, text } from "@/lib/validation";
import { audit } from "@/modules/audit/record";
import { authorize } from "@/modules/auth/authorize";
import type { Actor, Ctx } from "@/modules/auth/context";
import { publicationCommitted } from "@/modules/workflow/publication-committed";
import { changeAuthors } from "./change-authors";
import { decide, next, workflowActions, type ItemState, type WorkflowAction } from "./machine";
import { itemIs, makeLive, takeDown } from "./publish";
import { lockItem, type EditorialRow } from "./revise";

const moveInput = z.object({
  type: z.enum(contentTypes),
  id: recordId,
  action: z.enum(workflowActions),
  // The working revision the user saw: a move on a revision they have not seen is refused.
  baseRevision: recordId,
  comment: text().trim().max(20_000).default(""),
  overrideReason: text().trim().max(2_000).default(""),
  publishAt: z.coerce.date().optional(),
  mergedIntoId: recordId.optional(),
});

/**
 * Moves an item through the workflow (modules/workflow/machine.ts says what is allowed) in one
 * transaction: the state, any publication, the comment and the audit row land together or not at all.
 */
export async function moveItem(ctx: Ctx, input: unknown, now = new Date()): Promise<EditorialRow> {
  const actor = authorize(ctx, "admin.access");
  const values = parseInput(moveInput, input);
  authorize(
    ctx,
    values.action === "archive"
      ? "workflow.override"
      : values.action === "submit"
        ? "content.write"
        : "workflow.review",
  );
  if (values.action === "request_changes" && !values.comment)
    throw new ValidationError({ comment: ["Say what needs to change."] });
  if (values.mergedIntoId !== undefined && values.action !== "withdraw")
    throw new ValidationError({ mergedIntoId: ["Only a withdrawn item can point readers elsewhere."] });
  if (values.action === "schedule" && (!values.publishAt || values.publishAt <= now))
    throw new ValidationError({ publishAt: ["Choose a date and time in the future."] });
  const moved = await ctx.db.transaction(async (tx) => {
    const row = await lockItem(tx, { type: values.type, id: values.id });
    if (row.workingRevisionId !== values.baseRevision)
      throw new ConflictError(
        "This item changed since you opened it. Reload to see the latest version before you act.",
      );
    const verdict = decide(values.action, stateOf(row), {
      role: actor.role,
      isAuthor: await isAuthor(tx, row, actor),
      overrideReason: values.overrideReason,
      unresolvedComments: values.action === "approve" ? await unresolved(tx, row) : 0,
    });
    if (!verdict.ok) throw new ConflictError(verdict.reason);
    await apply(tx, row, values.action, actor, now, values);
    const note = (body: string, kind: string, open: boolean) =>
      tx.insert(editorialComments).values({
        itemType: row.itemType,
        itemId: row.itemId,
        revisionId: row.workingRevisionId,
        authorId: actor.id,
        body,
        kind,
        // The move's own time, as `submittedAt` records it: the queue finds the submitter's note by it.
        createdAt: now,
        // Only a request for changes waits for an answer; a note on a move or an override reason is a record.
        resolvedAt: open ? null : now,
        resolvedById: open ? null : actor.id,
      });
    if (verdict.override) await note(values.overrideReason, "override", false);
    if (values.comment) {
      const requesting = values.action === "request_changes";
      await note(values.comment, requesting ? "changes_requested" : "comment", requesting);
    }
    await audit(tx, {
      actor,
      action: `${row.itemType}.${values.action}`,
      targetType: row.itemType,
      targetId: row.itemId,
      beforeRevision: row.liveRevisionId === null ? null : String(row.liveRevisionId),
      afterRevision: String(row.workingRevisionId),
      ip: ctx.ip,
      details: {
        from: stateOf(row),
        to: next(values.action, stateOf(row)),
        ...(verdict.override ? { override: values.overrideReason } : {}),
        ...(values.publishAt ? { publishAt: values.publishAt.toISOString() } : {}),
      },
    });
    const [after] = await tx.select().from(editorialItems).where(itemIs(row));
    return after!;
  });
  // Committed: readers on this instance see it at once, not within the clock's second.
  if (values.action === "publish" || values.action === "withdraw" || values.action === "archive")
    publicationCommitted();
  return moved;
}

async function apply(
  tx: Tx,
  row: EditorialRow,
  action: WorkflowAction,
  actor: Actor,
  now: Date,
  values: { publishAt?: Date; mergedIntoId?: number },
) {
  const set = (fields: Partial<typeof editorialItems.$inferInsert>) =>
    tx
      .update(editorialItems)
      .set({ ...fields, changedAt: now })
      .where(itemIs(row));
  switch (action) {
    case "submit":
      return set({ review: "in_review", submittedById: actor.id, submittedAt: now });
    case "request_changes":
      return set({ review: "changes_requested" });
    case "approve":
      return set({ review: "approved", approvedById: actor.id, approvedAt: now });
    case "schedule":
      return set({ review: "approved", publishAt: values.publishAt, scheduledById: actor.id });
    case "unschedule":
      return set({ publishAt: null, scheduledById: null });
    case "publish":
      return makeLive(tx, row, now);
    case "withdraw":
      // A schedule set before the withdrawal must not bring the item back.
      await set({ visibility: "withdrawn", publishAt: null, scheduledById: null });
      if (values.mergedIntoId !== undefined) await assertMergeTarget(tx, row, values.mergedIntoId);
      return takeDown(tx, row, now, values.mergedIntoId ?? null);
    case "archive":
      await set({ visibility: "archived", publishAt: null });
      if (row.visibility === "live") await takeDown(tx, row, now);
      return;
  }
}

export function stateOf(row: Pick<EditorialRow, "review" | "visibility" | "publishAt">): ItemState {
  return { review: row.review, visibility: row.visibility, scheduled: row.publishAt !== null };
}

/** Readers of a withdrawn item may be sent to the published item of its type that replaced it. */
async function assertMergeTarget(tx: Tx, row: EditorialRow, targetId: number) {
  const [target] = await tx
    .select({ visibility: editorialItems.visibility })
    .from(editorialItems)
    .where(and(eq(editorialItems.itemType, row.itemType), eq(editorialItems.itemId, targetId)));
  if (targetId === row.itemId || target?.visibility !== "live")
    throw new ValidationError({ mergedIntoId: [`Choose another published ${row.itemType} to send readers to.`] });
}

/** Whether the actor wrote any revision of the change since it was last live, or submitted it. */
async function isAuthor(tx: Tx, row: EditorialRow, actor: Actor): Promise<boolean> {
  if (actor.id === null) return false;
  if (row.submittedById === actor.id) return true;
  return (await changeAuthors(tx, { type: row.itemType, id: row.itemId })).includes(actor.id);
}

async function unresolved(tx: Tx, row: EditorialRow): Promise<number> {
  const [open] = await tx
    .select({ n: count() })
    .from(editorialComments)
    .where(
      and(
        eq(editorialComments.itemType, row.itemType),
        eq(editorialComments.itemId, row.itemId),
        isNull(editorialComments.resolvedAt),
      ),
    );
  return open?.n ?? 0;
}
