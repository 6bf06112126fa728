import { eq } from "drizzle-orm";
import { figures } from "@/db/schema";
import type { Ctx } from "@/modules/auth/context";
import { assertCanDelete } from "@/modules/content/ownership";
import { getFigure } from "./read";

/**
 * Deletes a figure with its accounts. Figures have no publication state of their own yet, so the
 * rule is the creator's or an editor's call.
 */
export async function deleteFigure(ctx: Ctx, id: number): Promise<void> {
  const figure = await getFigure(ctx, id);
  assertCanDelete(ctx, figure);
  await ctx.db.delete(figures).where(eq(figures.id, id));
}
