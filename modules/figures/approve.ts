import { eq } from "drizzle-orm";
import { figures } from "@/db/schema";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
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
  if (String(seenAt) !== figure.updatedAt.toISOString())
    throw new ConflictError("This figure changed since you opened it. Reload to see what you would approve.");
  if (figure.approvedAt) throw new ConflictError("This figure is already shown to readers.");
  if (actor.id !== null && figure.editedById === actor.id)
    throw new ForbiddenError("Someone other than the last to save it must approve a figure.");
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(figures)
      .set({ approvedAt: new Date(), approvedById: actor.id })
      .where(eq(figures.id, id))
      .returning({ id: figures.id });
    if (updated.length === 0) throw new NotFoundError("No such figure.");
    await audit(tx, { actor, action: "figure.approve", targetType: "figure", targetId: id, ip: ctx.ip });
    await tickPublicationClock(tx, shownOn(figureScopes(figure)));
  });
  publicationCommitted();
}
