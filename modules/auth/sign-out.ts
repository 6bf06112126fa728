import "server-only";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { bumpSessionVersion } from "@/modules/users/admins";
import type { Ctx } from "./context";

/**
 * Ends every session of the signed-in user. Deleting the cookie alone would leave a copy of it
 * valid until it expires.
 */
export async function endSessions(ctx: Ctx): Promise<void> {
  if (!ctx.actor?.id) return;
  await ctx.db.update(users).set({ sessionVersion: bumpSessionVersion }).where(eq(users.id, ctx.actor.id));
}
