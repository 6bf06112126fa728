import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { laws } from "@/db/schema";
import type { Actor, Ctx } from "@/modules/auth/context";
import { beginEdit, recordRevision, type EditorialRow } from "@/modules/workflow/revise";
import { lawSnapshot } from "./snapshot";

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
