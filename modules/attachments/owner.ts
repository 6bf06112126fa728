import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { articles, sources } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { isRecordId } from "@/lib/validation";
import { articleSnapshot } from "@/modules/articles/snapshot";
import type { Actor, Ctx } from "@/modules/auth/context";
import { closeLaw, openLaw, touchLaw } from "@/modules/laws/revise";
import { audit } from "@/modules/audit/record";
import { baseRevisionOf, beginEdit, recordRevision, type EditorialRow } from "@/modules/workflow/revise";

import type { AttachmentOwner } from "./owner-column";

export { ownerColumn, type AttachmentOwner } from "./owner-column";

/**
 * Opens the owner for a change of its files, as any other change to it: locked, and refused if
 * saved by someone since `input`'s base revision. A source has no revisions: only locked.
 */
export async function openOwner(tx: Tx, owner: AttachmentOwner, input: unknown): Promise<EditorialRow | null> {
  if (owner.type === "source") {
    if (!isRecordId(owner.id)) throw new NotFoundError("No such source.");
    const rows = await tx
      .update(sources)
      .set({ updatedAt: sql`now()` })
      .where(eq(sources.id, owner.id))
      .returning({ id: sources.id });
    if (rows.length === 0) throw new NotFoundError("No such source.");
    return null;
  }
  const base = baseRevisionOf(input);
  if (owner.type === "law") {
    await touchLaw(tx, owner.id);
    return openLaw(tx, owner.id, base);
  }
  if (!isRecordId(owner.id)) throw new NotFoundError("No such article.");
  const rows = await tx
    .update(articles)
    .set({ updatedAt: sql`now()` })
    .where(eq(articles.id, owner.id))
    .returning({ id: articles.id });
  if (rows.length === 0) throw new NotFoundError("No such article.");
  return beginEdit(tx, { type: "article", id: owner.id }, base);
}

/** Records the owner as it now stands, files included, as its working revision (a source's change, in the audit log). */
export async function closeOwner(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  owner: AttachmentOwner,
  row: EditorialRow | null,
  action: string,
  /** For a source, whose only record of the change is the audit log: the files it touched. */
  files: Record<string, unknown>[] = [],
): Promise<void> {
  if (owner.type === "source" || !row) {
    await audit(tx, {
      actor,
      action: `source.${action}`,
      targetType: "source",
      targetId: owner.id,
      ip: ctx.ip,
      details: { files },
    });
    return;
  }
  if (owner.type === "law") return void (await closeLaw(tx, ctx, actor, row, `law.${action}`));
  const snapshot = await articleSnapshot({ db: tx, actor }, owner.id);
  await recordRevision(tx, { actor, ip: ctx.ip }, row, snapshot, { action: `article.${action}` });
}
