import { eq } from "drizzle-orm";
import { figures } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";
import { roleHas } from "@/modules/auth/permissions";
import type { Ctx } from "@/modules/auth/context";
import { audit } from "@/modules/audit/record";
import { assertCanDelete } from "@/modules/content/ownership";
import { tickPublicationClock } from "@/modules/workflow/publication-clock";
import { publicationCommitted } from "@/modules/workflow/publication-committed";
import { getFigure } from "./read";
import { figureScopes, shownOn } from "./save";

/**
 * Deletes a figure with its accounts: its creator or an editor, while readers do not see it; an
 * editor once it is approved for readers.
 */
export async function deleteFigure(ctx: Ctx, id: number): Promise<void> {
  const figure = await getFigure(ctx, id);
  const actor = assertCanDelete(ctx, figure);
  // One that readers see is taken off by an editor, as a published item is withdrawn by one.
  if (figure.approvedAt && !roleHas(actor.role, "workflow.review"))
    throw new ForbiddenError("Readers see this figure: only an editor can delete it.");
  await ctx.db.transaction(async (tx) => {
    await tx.delete(figures).where(eq(figures.id, id));
    const details = { label: figure.label };
    await audit(tx, { actor, action: "figure.delete", targetType: "figure", targetId: id, ip: ctx.ip, details });
    await tickPublicationClock(tx, shownOn(figureScopes(figure)));
  });
  publicationCommitted();
}
