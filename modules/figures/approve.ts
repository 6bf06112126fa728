import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { figureAccounts, figures, sources } from "@/db/schema";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { audit } from "@/modules/audit/record";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { tickPublicationClock } from "@/modules/workflow/publication-clock";
import { publicationCommitted } from "@/modules/workflow/publication-committed";
import { getFigure } from "./read";
import { figureScopes, shownOn } from "./save";

/**
 * Shows a figure to readers as it now stands. Figures have no revisions, but the two-person rule
 * holds for them as for every change readers see: an editor other than the one who saved it last
 * approves it, and any later save takes it off the public pages until it is approved again.
 */
export async function approveFigure(ctx: Ctx, id: number, seenAt: unknown): Promise<void> {
  const actor = authorize(ctx, "workflow.review");
  const figure = await getFigure(ctx, id);
  // The approval is for the figure as the editor saw it, not for a save made since.
  if (String(seenAt) !== figure.updatedAt.toISOString()) throw changedSince();
  if (figure.approvedAt) throw new ConflictError("This figure is already shown to readers.");
  if (actor.id !== null && (figure.editedById ?? figure.createdById) === actor.id)
    throw new ForbiddenError("Someone other than the last to save it must approve a figure.");
  await ctx.db.transaction(async (tx) => {
    // Checked again as the row is written: a save that committed since the checks above wins.
    const approved = await tx
      .update(figures)
      .set({ approvedAt: new Date(), approvedById: actor.id })
      .where(
        and(
          eq(figures.id, id),
          // The database keeps microseconds; the time read back, milliseconds.
          sql`date_trunc('milliseconds', ${figures.updatedAt}) = ${figure.updatedAt}`,
          isNull(figures.approvedAt),
        ),
      )
      .returning({ id: figures.id });
    if (approved.length === 0) throw changedSince();
    await approveSources(tx, id);
    await audit(tx, { actor, action: "figure.approve", targetType: "figure", targetId: id, ip: ctx.ip });
    // Unchanged since it was read (its updated_at is the same), so are the pages that show it.
    await tickPublicationClock(tx, shownOn(figureScopes(figure)));
  });
  publicationCommitted();
}

/**
 * Readers see each source as it stands now, approved with the figure: a later edit of the source
 * record reaches them only with the figure's next approval.
 */
export async function approveSources(tx: Tx, figureId: number): Promise<void> {
  await tx
    .update(figureAccounts)
    .set({
      approvedSourceTitle: sql`(select ${sources.title} from ${sources} where ${sources.id} = ${figureAccounts.sourceId})`,
      approvedSourceUrl: sql`(select ${sources.url} from ${sources} where ${sources.id} = ${figureAccounts.sourceId})`,
    })
    .where(eq(figureAccounts.figureId, figureId));
}

const changedSince = () =>
  new ConflictError("This figure changed since you opened it. Reload to see what you would approve.");
