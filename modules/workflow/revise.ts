import { createHash } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { editorialItems, revisions, users } from "@/db/schema";
import type { ContentType } from "@/db/schema/vocabulary";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { parseRecordId } from "@/lib/validation";
import { canonicalJson } from "@/modules/audit/chain";
import { audit } from "@/modules/audit/record";
import type { Actor } from "@/modules/auth/context";
import { EditConflictError } from "./conflict";
import { snapshotShapes } from "./snapshots";

export type Snapshot = Record<string, unknown>;
export type ItemRef = { type: ContentType; id: number };
export type EditorialRow = typeof editorialItems.$inferSelect;
/** Who makes a change, as the audit log records them. */
export type Editor = { actor: Actor; ip?: string | null };

export function snapshotHash(snapshot: Snapshot): string {
  return createHash("sha256").update(canonicalJson(snapshot)).digest("hex");
}

/**
 * Whether a new snapshot records what the previous revision did. A snapshot stored in an older shape
 * (before snapshots carried their version, or a law's periods before version 2) is read as the
 * current version: saving such an item unchanged is no change either.
 */
async function sameSnapshot(
  tx: Tx,
  type: ContentType,
  previous: { id: number; hash: string },
  hash: string,
  snapshot: Snapshot,
) {
  if (previous.hash === hash) return true;
  const [stored] = await tx
    .select({ snapshot: revisions.snapshot })
    .from(revisions)
    .where(eq(revisions.id, previous.id));
  const upgraded = snapshotShapes[type].schema.safeParse(stored?.snapshot);
  return upgraded.success && canonicalJson(upgraded.data) === canonicalJson(snapshot);
}

/** Locks an item's editorial row for the rest of the transaction: edits and moves take turns. */
export async function lockItem(tx: Tx, item: ItemRef): Promise<EditorialRow> {
  const [row] = await tx
    .select()
    .from(editorialItems)
    .where(and(eq(editorialItems.itemType, item.type), eq(editorialItems.itemId, item.id)))
    .for("update");
  if (!row) throw new NotFoundError(`No such ${item.type}.`);
  return row;
}

/**
 * Locks the item and checks that the edit was made on its working revision. If someone saved in
 * between, refuses with who and when, so the form can keep the user's text and say so.
 */
export async function beginEdit(tx: Tx, item: ItemRef, baseRevisionId: number): Promise<EditorialRow> {
  const row = await lockItem(tx, item);
  if (row.visibility === "archived") throw new ConflictError("This item is archived and can no longer be edited.");
  if (row.workingRevisionId !== null && row.workingRevisionId !== baseRevisionId) {
    const [latest] = await tx
      .select({ id: revisions.id, number: revisions.number, at: revisions.createdAt, by: users.name })
      .from(revisions)
      .leftJoin(users, eq(users.id, revisions.authorId))
      .where(eq(revisions.id, row.workingRevisionId));
    throw new EditConflictError({
      revisionId: row.workingRevisionId,
      number: latest?.number ?? 0,
      by: latest?.by ?? "Someone",
      at: latest?.at ?? new Date(),
    });
  }
  return row;
}

/**
 * Records the item's new state as its working revision, unless nothing changed. A new revision
 * sends the item back to draft: an approval was for the revision it approved, not this one.
 */
export async function recordRevision(
  tx: Tx,
  who: Editor,
  row: EditorialRow,
  snapshot: Snapshot,
  audited: { action: string; message?: string },
): Promise<number> {
  const hash = snapshotHash(snapshot);
  const [previous] = await tx
    .select({ id: revisions.id, number: revisions.number, hash: revisions.hash })
    .from(revisions)
    .where(and(eq(revisions.itemType, row.itemType), eq(revisions.itemId, row.itemId)))
    .orderBy(desc(revisions.number))
    .limit(1);
  if (
    previous &&
    previous.id === row.workingRevisionId &&
    (await sameSnapshot(tx, row.itemType, previous, hash, snapshot))
  )
    return previous.id;
  const [created] = await tx
    .insert(revisions)
    .values({
      itemType: row.itemType,
      itemId: row.itemId,
      number: (previous?.number ?? 0) + 1,
      parentId: row.workingRevisionId,
      snapshot,
      hash,
      authorId: who.actor.id,
      message: audited.message?.trim() ?? "",
    })
    .returning({ id: revisions.id });
  const revisionId = created!.id;
  await tx
    .update(editorialItems)
    .set({
      workingRevisionId: revisionId,
      review: "draft",
      approvedById: null,
      approvedAt: null,
      publishAt: null,
      scheduledById: null,
      changedAt: new Date(),
    })
    .where(and(eq(editorialItems.itemType, row.itemType), eq(editorialItems.itemId, row.itemId)));
  await audit(tx, {
    actor: who.actor,
    action: audited.action,
    targetType: row.itemType,
    targetId: row.itemId,
    beforeRevision: row.workingRevisionId === null ? null : String(row.workingRevisionId),
    afterRevision: String(revisionId),
    ip: who.ip,
    details: audited.message ? { message: audited.message } : {},
  });
  return revisionId;
}

/** A new item's first revision and editorial row, in the transaction that created the item. */
export async function startItem(
  tx: Tx,
  who: Editor,
  item: ItemRef,
  snapshot: Snapshot,
  action: string,
): Promise<number> {
  const [row] = await tx.insert(editorialItems).values({ itemType: item.type, itemId: item.id }).returning();
  return recordRevision(tx, who, row!, snapshot, { action });
}

/** The revision a form was opened on, which every save must name (see beginEdit). */
export function baseRevisionOf(input: unknown): number {
  const raw = input && typeof input === "object" ? (input as Record<string, unknown>).baseRevision : undefined;
  const id = parseRecordId(raw);
  if (id === null)
    throw new ValidationError({
      baseRevision: ["This form is out of date. Reload the page and make your change again."],
    });
  return id;
}
