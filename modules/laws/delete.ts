import { eq } from "drizzle-orm";
import { laws } from "@/db/schema";
import type { Ctx } from "@/modules/auth/context";
import { assertCanDelete } from "@/modules/content/ownership";
import { getLaw } from "./read";

/** Deletes an unpublished law with its titles, texts and timeline (the foreign keys cascade). */
export async function deleteLaw(ctx: Ctx, id: number): Promise<void> {
  const law = await getLaw(ctx, id);
  assertCanDelete(ctx, law);
  await ctx.db.delete(laws).where(eq(laws.id, id));
}
