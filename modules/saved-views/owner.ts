import { ForbiddenError } from "@/lib/errors";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";

/**
 * The user whose views these are. Views belong to an account, so the command line (no account)
 * has none; every read and write filters on this id, which is what keeps them private.
 */
export function viewOwner(ctx: Ctx): number {
  const actor = authorize(ctx, "admin.access");
  if (actor.id === null) throw new ForbiddenError("Saved views belong to a signed-in account.");
  return actor.id;
}
