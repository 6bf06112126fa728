import { eq } from "drizzle-orm";
import { figures } from "@/db/schema";
import type { Ctx } from "@/modules/auth/context";
import { audit } from "@/modules/audit/record";
import { assertCanDelete } from "@/modules/content/ownership";
import { tickPublicationClock } from "@/modules/workflow/publication-clock";
import { publicationCommitted } from "@/modules/workflow/publication-committed";
import { getFigure } from "./read";
import { figureScopes, shownOn } from "./save";

/**
 * Deletes a figure with its accounts. Figures have no publication state of their own yet, so the
 * rule is the creator's or an editor's call.
 */
export async function deleteFigure(ctx: Ctx, id: number): Promise<void> {
  const figure = await getFigure(ctx, id);
  const actor = assertCanDelete(ctx, figure);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(figures).where(eq(figures.id, id));
    const details = { label: figure.label };
    await audit(tx, { actor, action: "figure.delete", targetType: "figure", targetId: id, ip: ctx.ip, details });
    await tickPublicationClock(tx, shownOn(figureScopes(figure)));
  });
  publicationCommitted();
}
