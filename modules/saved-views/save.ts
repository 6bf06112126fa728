import { and, eq } from "drizzle-orm";
import { savedViews } from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import type { Ctx } from "@/modules/auth/context";
import type { SavedView } from "./read";
import { deleteViewInput, saveViewInput } from "./schemas";
import { viewOwner } from "./owner";

/** Saves the current filters, sort and columns of a list under a name of the user's own. */
export async function saveView(ctx: Ctx, input: unknown): Promise<SavedView> {
  const owner = viewOwner(ctx);
  const values = parseInput(saveViewInput, input);
  // The unique index decides a duplicate, so two saves racing under one name cannot both land.
  const [row] = await ctx.db
    .insert(savedViews)
    .values({ userId: owner, ...values })
    .onConflictDoNothing()
    .returning({ id: savedViews.id, name: savedViews.name, query: savedViews.query });
  if (!row)
    throw new ValidationError({ name: [`You already have a view named “${values.name}”. Choose another name.`] });
  return row;
}

/** Deletes one of the user's views; someone else's is "not found", as if it did not exist. */
export async function deleteView(ctx: Ctx, input: unknown): Promise<SavedView> {
  const owner = viewOwner(ctx);
  const { id } = parseInput(deleteViewInput, input);
  const [row] = await ctx.db
    .delete(savedViews)
    .where(and(eq(savedViews.id, id), eq(savedViews.userId, owner)))
    .returning({ id: savedViews.id, name: savedViews.name, query: savedViews.query });
  if (!row) throw new NotFoundError("No such saved view.");
  return row;
}
