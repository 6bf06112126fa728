import { audit } from "@/modules/audit/record";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { ConflictError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { releaseAssignments } from "@/modules/workflow/assign";
import { assertAnotherActiveAdmin, bumpSessionVersion, lockUser } from "./admins";
import { setActiveInput } from "./schemas";
import { toUserSummary, type UserSummary } from "./summary";

/**
 * Deactivating ends the user's sessions at once and gives the items assigned to them back to
 * nobody (`unassigned` counts them); their account and authorship stay.
 */
export async function setActive(
  ctx: Ctx,
  input: { userId: unknown; active: unknown },
): Promise<UserSummary & { unassigned: number }> {
  const actor = authorize(ctx, "users.manage");
  const { userId, active } = parseInput(setActiveInput, input);
  if (!active && actor.id === userId) throw new ConflictError("You cannot deactivate your own account.");
  return ctx.db.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    if (!active && user.role === "admin" && user.active) await assertAnotherActiveAdmin(tx, userId);
    const [updated] = await tx
      .update(users)
      .set(
        active
          ? { active, updatedAt: new Date() }
          : { active, sessionVersion: bumpSessionVersion, updatedAt: new Date() },
      )
      .where(eq(users.id, userId))
      .returning();
    const action = active ? "user.reactivate" : "user.deactivate";
    await audit(tx, { actor, action, targetType: "user", targetId: userId });
    const unassigned = await releaseAssignments(tx, updated!, { actor, ip: ctx.ip, because: action });
    return { ...toUserSummary(updated!), unassigned };
  });
}
