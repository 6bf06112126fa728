import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db";
import { editorialItems, users, type User } from "@/db/schema";
import { contentTypes, roles, type Role } from "@/db/schema/vocabulary";
import { ValidationError } from "@/lib/errors";
import { parseInput, recordId } from "@/lib/validation";
import { audit } from "@/modules/audit/record";
import { authorize } from "@/modules/auth/authorize";
import type { Actor, Ctx } from "@/modules/auth/context";
import { roleHas } from "@/modules/auth/permissions";
import { bulkSummary, eachItem, type BulkResult } from "./bulk-move";
import { itemIs } from "./publish";
import { lockItem, type EditorialRow } from "./revise";

/** The roles an item can be assigned to: those that review. */
const reviewerRoles: Role[] = roles.filter((role) => roleHas(role, "workflow.review"));

// A form sends "" for "nobody": that unassigns.
const assignee = z.preprocess((value) => (value === "" || value === undefined ? null : value), recordId.nullable());

const assignInput = z.object({ type: z.enum(contentTypes), id: recordId, assigneeId: assignee });

const bulkAssignInput = z.object({
  type: z.enum(["law", "article"]),
  assigneeId: assignee,
  items: z
    .array(z.object({ id: recordId }))
    .min(1, "Choose at least one item.")
    .max(100, "Choose at most 100 items at once."),
});

export type Reviewer = { id: number; name: string };

/** The people an item can be assigned to: active editors and admins, by name. */
export async function listReviewers(ctx: Ctx): Promise<Reviewer[]> {
  authorize(ctx, "workflow.review");
  return ctx.db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, reviewerRoles)))
    .orderBy(asc(users.name), asc(users.id));
}

/**
 * Assigns an item to a reviewer, or to nobody (null), so that it comes first in their queue. It
 * changes no content and nothing readers see: no revision, no cache expiry; the audit log keeps it.
 */
export async function assignItem(ctx: Ctx, type: unknown, id: unknown, assigneeId: unknown): Promise<EditorialRow> {
  const actor = authorize(ctx, "workflow.review");
  const input = parseInput(assignInput, { type, id, assigneeId });
  return ctx.db.transaction(async (tx) => {
    const row = await lockItem(tx, { type: input.type, id: input.id });
    // Before the reviewer's row is locked: a deactivation clearing this very assignment holds that
    // row and waits for this item, and the two would deadlock.
    if (row.assignedToId === input.assigneeId) return row;
    if (input.assigneeId !== null) await assertReviewer(tx, input.assigneeId, true);
    const [after] = await tx
      .update(editorialItems)
      .set({ assignedToId: input.assigneeId })
      .where(itemIs(row))
      .returning();
    await audit(tx, {
      actor,
      action: "item.assign",
      targetType: row.itemType,
      targetId: row.itemId,
      ip: ctx.ip,
      details: { from: row.assignedToId, to: input.assigneeId },
    });
    return after!;
  });
}

/**
 * Assigns each chosen item of a list to one reviewer (or to nobody), each through assignItem in its
 * own transaction, and reports each item as the bulk moves do. A reviewer who cannot be chosen is
 * refused once, at the field, before any item is touched.
 */
export async function bulkAssign(ctx: Ctx, input: unknown): Promise<BulkResult> {
  authorize(ctx, "workflow.review");
  const { type, assigneeId, items } = parseInput(bulkAssignInput, input);
  const reviewer = assigneeId === null ? null : await assertReviewer(ctx.db, assigneeId, false);
  const outcomes = await eachItem(
    ctx,
    type,
    items.map((item) => item.id),
    (id) => assignItem(ctx, type, id, assigneeId),
  );
  const action = reviewer ? "assign" : "unassign";
  return { action, outcomes, summary: bulkSummary(action, outcomes, reviewer?.name) };
}

/**
 * Gives back to nobody every item assigned to a user who can no longer review (deactivated, or
 * given a role that does not review), so that nothing waits on someone who cannot act; each item
 * is audited as item.assign, `because` the account change. Call it inside that change's
 * transaction, after the user's row is written: an assignment to them under way holds that row
 * (assertReviewer), so it has committed by then and is cleared too, and one begun later sees the
 * change and is refused. Returns how many items it released.
 */
export async function releaseAssignments(
  tx: Tx,
  user: Pick<User, "id" | "role" | "active">,
  change: { actor: Actor; ip?: string | null; because: string },
): Promise<number> {
  if (user.active && reviewerRoles.includes(user.role)) return 0;
  const released = await tx
    .update(editorialItems)
    .set({ assignedToId: null })
    .where(eq(editorialItems.assignedToId, user.id))
    .returning({ type: editorialItems.itemType, id: editorialItems.itemId });
  for (const item of released)
    await audit(tx, {
      actor: change.actor,
      action: "item.assign",
      targetType: item.type,
      targetId: item.id,
      ip: change.ip,
      details: { from: user.id, to: null, because: change.because },
    });
  return released.length;
}

/** Refuses, at the assigneeId field, anyone who is not an active user of a role that reviews. */
async function assertReviewer(db: Db | Tx, userId: number, lock: boolean): Promise<Reviewer> {
  const query = db
    .select({ id: users.id, name: users.name, role: users.role, active: users.active })
    .from(users)
    .where(eq(users.id, userId));
  // Inside the assignment's transaction, held until it commits: a deactivation waits for it.
  const [user] = lock ? await query.for("share") : await query;
  const refuse = (message: string) => new ValidationError({ assigneeId: [message] });
  if (!user) throw refuse("Choose a reviewer from the list.");
  if (!user.active) throw refuse(`${user.name}'s account is deactivated: choose an active reviewer.`);
  if (!reviewerRoles.includes(user.role))
    throw refuse(`${user.name} cannot review (only editors and admins do): choose a reviewer.`);
  return { id: user.id, name: user.name };
}
