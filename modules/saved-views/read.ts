import { and, asc, eq } from "drizzle-orm";
import { savedViews } from "@/db/schema";
import { parseInput } from "@/lib/validation";
import type { Ctx } from "@/modules/auth/context";
import { viewOwner } from "./owner";
import { saveViewInput, type ViewList } from "./schemas";

export type SavedView = { id: number; name: string; query: string };

/** The signed-in user's saved views of one list, by name; nobody else's. */
export async function listSavedViews(ctx: Ctx, list: ViewList): Promise<SavedView[]> {
  const owner = viewOwner(ctx);
  const { list: which } = parseInput(saveViewInput.pick({ list: true }), { list });
  return ctx.db
    .select({ id: savedViews.id, name: savedViews.name, query: savedViews.query })
    .from(savedViews)
    .where(and(eq(savedViews.userId, owner), eq(savedViews.list, which)))
    .orderBy(asc(savedViews.name), asc(savedViews.id));
}
