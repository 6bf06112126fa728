import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { laws } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { isRecordId } from "@/lib/validation";
import type { Actor, Ctx } from "@/modules/auth/context";
import { beginEdit, recordRevision, type EditorialRow } from "@/modules/workflow/revise";
import { lawSnapshot } from "./snapshot";

/**
 * Marks the law as changed before a change to one of its parts (an event, a period, a text), and
 * locks its row: changes to one law's parts take turns. A law that is not there is "not found".
 */
export async function touchLaw(tx: Tx, lawId: number): Promise<void> {
  if (!isRecordId(lawId)) throw new NotFoundError("No such law.");
  const rows = await tx
    .update(laws)
    .set({ updatedAt: sql`now()` })
    .where(eq(laws.id, lawId))
    .returning({ id: laws.id });
  if (rows.length === 0) throw new NotFoundError("No such law.");
}

/** Opens a law for a change inside `tx`: locked, and refused if saved by someone since `baseRevision`. */
export function openLaw(tx: Tx, lawId: number, baseRevision: number): Promise<EditorialRow> {
  return beginEdit(tx, { type: "law", id: lawId }, baseRevision);
}

/** Records the law as it now stands as its working revision, and marks it changed. */
export async function closeLaw(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  row: EditorialRow,
  action: string,
  message?: string,
): Promise<number> {
  await tx
    .update(laws)
    .set({ updatedAt: sql`now()` })
    .where(eq(laws.id, row.itemId));
  const snapshot = await lawSnapshot({ db: tx, actor }, row.itemId);
  return recordRevision(tx, { actor, ip: ctx.ip }, row, snapshot, { action, message });
}
