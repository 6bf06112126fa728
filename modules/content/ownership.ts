import { ConflictError, ForbiddenError } from "@/lib/errors";
import { authorize } from "@/modules/auth/authorize";
import type { Actor, Ctx } from "@/modules/auth/context";
import { roleHas } from "@/modules/auth/permissions";

/**
 * Who may delete an item: never once published (it is withdrawn instead, so citations keep
 * resolving); its creator may; editors and admins may delete anyone's.
 */
export function assertCanDelete(ctx: Ctx, item: { createdById: number | null; everPublished?: boolean }): Actor {
  const actor = authorize(ctx, "content.write");
  if (item.everPublished) throw new ConflictError("A published item cannot be deleted.");
  if (item.createdById !== actor.id && !roleHas(actor.role, "content.delete.any")) {
    throw new ForbiddenError("You can delete only items you created.");
  }
  return actor;
}
